package org.imarchive.gateway.retention;

import org.imarchive.archive.store.JdbcArchiveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans disposition on {@code gateway.retention.disposition.schedule}: a reviewable dry run, never a removal. While an
 * earlier scheduled plan still awaits approval, it plans nothing new, so reviewers see one list, not one a night.
 * At start-up and on each run it first finishes what a committed disposal left undone (a crash, an I/O error or an
 * unavailable search index after its commit): file erasures and removals from the search index, so disposed
 * plaintext neither stays on disk nor stays findable until the next approval.
 */
@Component
public class DispositionJob {
    static final String ACTOR = "system:disposition-job";
    private static final Logger LOG = LoggerFactory.getLogger(DispositionJob.class);

    private final Dispositions dispositions;
    private final JdbcArchiveStore store;

    public DispositionJob(Dispositions dispositions, JdbcArchiveStore store) {
        this.dispositions = dispositions;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void finishLeftovers() {
        int left = store.finishPendingErasures();
        if (left > 0) {
            LOG.warn("Disposition: {} file erasures of committed disposals are still pending", left);
        }
        dispositions.finishIndexRemovals();
    }

    @Scheduled(cron = "${gateway.retention.disposition.schedule:0 30 2 * * *}")
    public void run() {
        finishLeftovers();
        if (dispositions.awaitsApproval("schedule")) {
            LOG.info("Disposition: the last scheduled plan still awaits approval; nothing new planned");
            return;
        }
        Dispositions.PlanView plan = dispositions.plan(ACTOR, "schedule");
        LOG.info("Disposition planned ({}): {} records to dispose, {} held back; awaiting approval", plan.id(), plan.disposals(), plan.heldBack());
    }
}
