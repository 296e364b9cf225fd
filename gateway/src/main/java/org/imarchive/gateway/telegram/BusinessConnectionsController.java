package org.imarchive.gateway.telegram;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code GET /api/telegram/business-connections}: the connected Telegram Business accounts and the bot's rights. */
@RestController
public class BusinessConnectionsController {
    private final BusinessConnections connections;

    public BusinessConnectionsController(BusinessConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/api/telegram/business-connections")
    public List<Map<String, Object>> connections() {
        return connections.all();
    }
}
