package org.imarchive.gateway.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.gateway.review.ReviewProperties;
import org.imarchive.gateway.review.ReviewService;
import org.imarchive.gateway.review.SupervisionPolicies;
import org.imarchive.gateway.search.SupervisionGroupsProperties;
import org.imarchive.gateway.security.Actors;
import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.queue.ReviewAge;
import org.imarchive.supervision.queue.ReviewConflict;
import org.imarchive.supervision.queue.ReviewItem;
import org.imarchive.supervision.queue.ReviewOutcome;
import org.imarchive.supervision.queue.ReviewPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review queue and its items: the list with its filters, an item inside its conversation, and the decision that
 * closes or escalates it, after which the reviewer lands on the next item of the same list.
 */
@Controller
public class ReviewPagesController {
    private final ReviewService reviews;
    private final ArchiveReading archive;
    private final SupervisionGroupsProperties groups;
    private final SupervisionPolicies policies;
    private final ReviewProperties reviewProperties;
    private final UiProperties properties;
    private final Clock clock;

    public ReviewPagesController(ReviewService reviews, ArchiveReading archive, SupervisionGroupsProperties groups, SupervisionPolicies policies,
                                 ReviewProperties reviewProperties, UiProperties properties, Clock clock) {
        this.reviews = reviews;
        this.archive = archive;
        this.groups = groups;
        this.policies = policies;
        this.reviewProperties = reviewProperties;
        this.properties = properties;
        this.clock = clock;
    }

    /** A row of the queue, with its age as the written procedure measures it. */
    public record Row(ReviewItem item, long ageDays, boolean overdue, int position) {
    }

    @GetMapping("/ui/queue")
    public String queue(@ModelAttribute("filter") QueueFilter filter, @RequestParam(defaultValue = "0") int page, Authentication caller,
                        HttpServletRequest request, Model model) {
        ReviewPage result = page(caller, filter, Math.max(page, 0), properties.pageSize(), request);
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < result.items().size(); i++) {
            ReviewItem item = result.items().get(i);
            rows.add(new Row(item, ReviewAge.ageDays(item.createdAt(), item.closedAt(), now),
                    ReviewAge.overdue(item.state(), item.createdAt(), reviewProperties.sla(), now), page * properties.pageSize() + i));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("total", result.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", (result.total() + properties.pageSize() - 1) / properties.pageSize());
        model.addAttribute("groups", groups.groups().stream().map(SupervisionGroupsProperties.Group::name).toList());
        model.addAttribute("reasons", reasons());
        model.addAttribute("sla", reviewProperties.sla());
        return "queue";
    }

    /** The item at a position of the filtered queue (skipping one just decided): what j, k and "next" open. */
    @GetMapping("/ui/queue/at")
    public String at(@ModelAttribute("filter") QueueFilter filter, @RequestParam int pos, @RequestParam(required = false) String skip,
                     Authentication caller, HttpServletRequest request, RedirectAttributes redirect) {
        int position = Math.max(pos, 0);
        Optional<ReviewItem> found = itemAt(caller, filter, position, request);
        if (found.isPresent() && found.get().id().equals(skip)) {
            position++;
            found = itemAt(caller, filter, position, request);
        }
        // what the decision before this hop had to say is passed on to the page the reviewer lands on
        Map<String, ?> passed = RequestContextUtils.getInputFlashMap(request);
        if (passed != null) {
            passed.forEach(redirect::addFlashAttribute);
        }
        if (found.isEmpty()) {
            Object notice = passed == null ? null : passed.get("notice");
            redirect.addFlashAttribute("notice", (notice == null ? "" : notice + " ") + "No more items in this list.");
            return "redirect:/ui/queue?" + filter.query();
        }
        return "redirect:/ui/items/" + found.get().id() + "?pos=" + position + "&" + filter.query();
    }

    @GetMapping("/ui/items/{id}")
    public String item(@PathVariable String id, @ModelAttribute("filter") QueueFilter filter, @RequestParam(required = false) Integer pos,
                       Authentication caller, HttpServletRequest request, Model model) {
        ReviewService.OpenedItem opened = reviews.open(caller, id, Actors.addressOf(request));
        ReviewItem item = opened.item();
        Instant now = clock.instant();
        List<Hit> hits = opened.hits();
        model.addAttribute("item", item);
        model.addAttribute("opened", opened);
        model.addAttribute("ageDays", ReviewAge.ageDays(item.createdAt(), item.closedAt(), now));
        model.addAttribute("overdue", ReviewAge.overdue(item.state(), item.createdAt(), reviewProperties.sla(), now));
        model.addAttribute("cards", opened.context().stream()
                .map(message -> message.messageId().equals(item.messageId())
                        ? MessageCard.of(message, true, item.recordId(), hits, archive::extractedText)
                        : MessageCard.of(message, false, null, List.of(), archive::extractedText))
                .toList());
        model.addAttribute("pos", pos);
        model.addAttribute("next", "/ui/queue/at?pos=" + (pos == null ? 0 : pos + 1) + (pos == null ? "&skip=" + id : "") + "&" + filter.query());
        model.addAttribute("previous", pos == null || pos == 0 ? null : "/ui/queue/at?pos=" + (pos - 1) + "&" + filter.query());
        return "item";
    }

    @PostMapping("/ui/items/{id}/decision")
    public String decide(@PathVariable String id, @ModelAttribute("filter") QueueFilter filter, @RequestParam(required = false) Integer pos,
                         @RequestParam String outcome, @RequestParam(defaultValue = "") String comment,
                         @RequestParam(required = false) String principal, Authentication caller, HttpServletRequest request,
                         RedirectAttributes redirect) {
        try {
            var decision = reviews.decide(caller, id, ReviewOutcome.fromWireName(outcome), comment.isBlank() ? null : comment.strip(),
                    principal == null || principal.isBlank() ? null : principal.strip(), Actors.addressOf(request));
            redirect.addFlashAttribute("notice", "Item " + id + ": " + describe(decision.outcome())
                    + (decision.escalatedTo() == null ? "" : " to " + decision.escalatedTo()) + ".");
        } catch (ReviewConflict | IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            redirect.addFlashAttribute("comment", comment);
            return "redirect:" + itemUrl(id, pos, filter);
        }
        return "redirect:/ui/queue/at?pos=" + (pos == null ? 0 : pos) + "&skip=" + id + "&" + filter.query();
    }

    @PostMapping("/ui/items/{id}/comments")
    public String comment(@PathVariable String id, @ModelAttribute("filter") QueueFilter filter, @RequestParam(required = false) Integer pos,
                          @RequestParam(defaultValue = "") String comment, Authentication caller, HttpServletRequest request,
                          RedirectAttributes redirect) {
        try {
            reviews.comment(caller, id, comment.strip(), Actors.addressOf(request));
            redirect.addFlashAttribute("notice", "Comment added.");
        } catch (ReviewConflict | IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + itemUrl(id, pos, filter);
    }

    @PostMapping("/ui/items/{id}/assign")
    public String assignToMe(@PathVariable String id, @ModelAttribute("filter") QueueFilter filter, @RequestParam(required = false) Integer pos,
                             Authentication caller, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            reviews.assign(caller, id, null, Actors.addressOf(request));
            redirect.addFlashAttribute("notice", "Assigned to you.");
        } catch (ReviewConflict | IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + itemUrl(id, pos, filter);
    }

    private ReviewPage page(Authentication caller, QueueFilter filter, int page, int size, HttpServletRequest request) {
        return reviews.page(caller, filter.reviewState(), filter.group(), filter.mine() ? caller.getName() : null, filter.overdueOnly(),
                filter.reason(), page, size, Actors.addressOf(request));
    }

    private Optional<ReviewItem> itemAt(Authentication caller, QueueFilter filter, int position, HttpServletRequest request) {
        return page(caller, filter, position, 1, request).items().stream().findFirst();
    }

    private List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (LexiconPolicy policy : policies.policies()) {
            reasons.add("lexicon:" + policy.id());
        }
        reasons.add("sample");
        return reasons;
    }

    private static String itemUrl(String id, Integer pos, QueueFilter filter) {
        return "/ui/items/" + id + "?" + (pos == null ? "" : "pos=" + pos + "&") + filter.query();
    }

    private static String describe(ReviewOutcome outcome) {
        return switch (outcome) {
            case NO_ISSUE -> "closed, no issue";
            case ESCALATED -> "escalated";
            case ACTION_TAKEN -> "closed, action taken";
        };
    }
}
