package org.imarchive.gateway.review;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.security.Actors;
import org.imarchive.supervision.queue.ReviewEvidence;
import org.imarchive.supervision.queue.ReviewOutcome;
import org.imarchive.supervision.queue.ReviewPage;
import org.imarchive.supervision.queue.ReviewState;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/review/items}: the supervision queue, its items with their evidence, and the reviewers' actions. */
@RestController
@RequestMapping("/api/review/items")
public class ReviewController {
    private final ReviewService service;
    private final ReviewProperties properties;
    private final Clock clock;

    public ReviewController(ReviewService service, ReviewProperties properties, Clock clock) {
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    public record AssignRequest(String assignee) {
    }

    public record CommentRequest(String comment) {
    }

    /** @param principal for an escalation, the supervisor to hand the item to; optional */
    public record DecisionRequest(String outcome, String comment, String principal) {
    }

    @GetMapping
    public Map<String, Object> page(@RequestParam(required = false) String state,
                                    @RequestParam(required = false) String group,
                                    @RequestParam(required = false) String assignee,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(required = false) String reason,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size,
                                    Authentication caller, HttpServletRequest request) {
        ReviewPage result = service.page(caller, state == null || state.isBlank() ? null : ReviewState.fromWireName(state),
                blankToNull(group), blankToNull(assignee), overdue, blankToNull(reason), page, size, Actors.addressOf(request));
        Instant now = clock.instant();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total", result.total());
        view.put("items", result.items().stream().map(item -> ReviewViews.summary(item, now, properties.sla())).toList());
        return view;
    }

    @GetMapping("/{id}")
    public Map<String, Object> item(@PathVariable String id, Authentication caller, HttpServletRequest request) {
        return ReviewViews.detail(service.open(caller, id, Actors.addressOf(request)), clock.instant(), properties.sla());
    }

    @PostMapping("/{id}/assign")
    public ReviewEvidence.Assignment assign(@PathVariable String id, @RequestBody(required = false) AssignRequest body,
                                            Authentication caller, HttpServletRequest request) {
        return service.assign(caller, id, body == null ? null : body.assignee(), Actors.addressOf(request));
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public ReviewEvidence.Comment comment(@PathVariable String id, @RequestBody CommentRequest body, Authentication caller,
                                          HttpServletRequest request) {
        return service.comment(caller, id, body.comment(), Actors.addressOf(request));
    }

    @PostMapping("/{id}/decision")
    @ResponseStatus(HttpStatus.CREATED)
    public ReviewEvidence.Decision decide(@PathVariable String id, @RequestBody DecisionRequest body, Authentication caller,
                                          HttpServletRequest request) {
        if (body.outcome() == null) {
            throw new IllegalArgumentException("outcome is required: no_issue, escalated or action_taken");
        }
        return service.decide(caller, id, ReviewOutcome.fromWireName(body.outcome()), body.comment(), body.principal(),
                Actors.addressOf(request));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
