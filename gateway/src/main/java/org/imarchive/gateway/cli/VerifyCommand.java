package org.imarchive.gateway.cli;

import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.VerificationReport;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * {@code verify}: recomputes the ledger chain, every stored record's and blob's hash and the audit chain. Exit code 0
 * when intact; 1 naming the first broken record otherwise.
 */
@Component
class VerifyCommand {
    private final ArchiveVerifier verifier;
    private final PrintStream out = System.out;

    VerifyCommand(ArchiveVerifier verifier) {
        this.verifier = verifier;
    }

    int run() {
        long started = System.nanoTime();
        VerificationReport report = verifier.verify();
        out.println(report.summary());
        report.problems().stream().skip(1).limit(20).forEach(problem -> out.println("  also: " + problem));
        out.printf("verified in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return report.intact() ? 0 : 1;
    }
}
