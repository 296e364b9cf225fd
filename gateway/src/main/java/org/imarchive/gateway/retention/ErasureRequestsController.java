package org.imarchive.gateway.retention;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/erasure-requests}: a GDPR Art. 17 request is answered at once (what may be erased, what is kept and
 * why); the erasure itself is the disposition plan the answer names, approved by a second person.
 */
@RestController
@RequestMapping("/api/erasure-requests")
public class ErasureRequestsController {
    private final ErasureRequests requests;

    public ErasureRequestsController(ErasureRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    public ResponseEntity<ErasureRequests.View> request(@RequestBody ErasureRequests.Request request, HttpServletRequest http) {
        ErasureRequests.View view = requests.request(request, Actors.current(), Actors.addressOf(http));
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/erasure-requests/" + view.id()).body(view);
    }

    @GetMapping("/{id}")
    public ErasureRequests.View get(@PathVariable String id) {
        return requests.get(id);
    }
}
