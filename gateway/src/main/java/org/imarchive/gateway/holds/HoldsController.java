package org.imarchive.gateway.holds;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.imarchive.retention.hold.LegalHold;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/holds}: compliance places a hold (201 with its id), changes its scope or releases it, each with a reason;
 * compliance and auditors list holds and read one with the number of records it covers and its history.
 */
@RestController
@RequestMapping("/api/holds")
public class HoldsController {
    private final LegalHolds holds;
    private final HeldMessages held;

    public HoldsController(LegalHolds holds, HeldMessages held) {
        this.holds = holds;
        this.held = held;
    }

    public record Placement(String matter, String reason, ScopeBody scope) {
    }

    public record ScopeChange(ScopeBody scope, String reason) {
    }

    public record Release(String reason) {
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> place(@RequestBody Placement placement, HttpServletRequest http) {
        LegalHold hold = holds.place(placement.matter(), placement.reason(), placement.scope(), Actors.current(), Actors.addressOf(http));
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/holds/" + hold.id()).body(Map.of("id", hold.id()));
    }

    @GetMapping
    public List<HoldView> list() {
        return holds.all().stream().map(HoldView::of).toList();
    }

    @GetMapping("/{id}")
    public HoldView hold(@PathVariable String id) {
        LegalHold hold = holds.get(id);
        return HoldView.of(hold, held.count(hold), holds.history(id));
    }

    @PutMapping("/{id}/scope")
    public HoldView changeScope(@PathVariable String id, @RequestBody ScopeChange change, HttpServletRequest http) {
        return HoldView.of(holds.changeScope(id, change.scope(), change.reason(), Actors.current(), Actors.addressOf(http)));
    }

    @PostMapping("/{id}/release")
    public HoldView release(@PathVariable String id, @RequestBody(required = false) Release release, HttpServletRequest http) {
        return HoldView.of(holds.release(id, release == null ? null : release.reason(), Actors.current(), Actors.addressOf(http)));
    }
}
