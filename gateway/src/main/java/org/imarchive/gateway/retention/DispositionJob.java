package org.imarchive.gateway.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Plans disposition on {@code gateway.retention.disposition.schedule}: a reviewable dry run, never a removal. While an
 * earlier scheduled plan still awaits approval, it plans nothing new, so reviewers see one list, not one a night.
 */
@Component
public class DispositionJob {
    static final String ACTOR = "system:disposition-job";
    private static final Logger LOG = LoggerFactory.getLogger(DispositionJob.class);

    private final Dispositions dispositions;

    public DispositionJob(Dispositions dispositions) {
        this.dispositions = dispositions;
    }

    @Scheduled(cron = "${gateway.retention.disposition.schedule:0 30 2 * * *}")
    public void run() {
        if (dispositions.awaitsApproval("schedule")) {
            LOG.info("Disposition: the last scheduled plan still awaits approval; nothing new planned");
            return;
        }
        Dispositions.PlanView plan = dispositions.plan(ACTOR, "schedule");
        LOG.info("Disposition planned ({}): {} records to dispose, {} held back; awaiting approval", plan.id(), plan.disposals(), plan.heldBack());
    }
}
