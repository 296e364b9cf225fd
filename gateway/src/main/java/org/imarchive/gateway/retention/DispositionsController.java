package org.imarchive.gateway.retention;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code /api/dispositions}: the plans (dry runs) to review, their approval by a second person (which carries the
 * plan out), and each executed plan's certificate. A plan can also be made on demand, besides the scheduled job.
 */
@RestController
@RequestMapping("/api/dispositions")
public class DispositionsController {
    private final Dispositions dispositions;

    public DispositionsController(Dispositions dispositions) {
        this.dispositions = dispositions;
    }

    @GetMapping
    public Map<String, Object> list() {
        List<Dispositions.PlanView> plans = dispositions.list();
        return Map.of("total", plans.size(), "items", plans);
    }

    @PostMapping
    public ResponseEntity<Dispositions.PlanView> plan() {
        Dispositions.PlanView plan = dispositions.plan(Actors.current(), "request");
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/dispositions/" + plan.id()).body(plan);
    }

    @GetMapping("/{id}")
    public Dispositions.PlanView get(@PathVariable String id) {
        return dispositions.get(id);
    }

    @PostMapping("/{id}/approve")
    public Dispositions.PlanView approve(@PathVariable String id, HttpServletRequest request) {
        return dispositions.approve(id, Actors.current(), Actors.addressOf(request));
    }

    @GetMapping("/{id}/certificate")
    public ResponseEntity<byte[]> certificate(@PathVariable String id) {
        byte[] json = dispositions.certificate(id).orElseThrow(() -> new NoSuchElementException("no certificate for disposition " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"disposition-certificate-" + id + ".json\"").body(json);
    }
}
