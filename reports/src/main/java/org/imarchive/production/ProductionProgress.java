package org.imarchive.production;

/** Told after each conversation, so an export job can show how far it is; called on the producing thread. */
@FunctionalInterface
public interface ProductionProgress {
    ProductionProgress NONE = (conversations, messages, pages) -> {
    };

    void conversationDone(long conversationsDone, long messagesDone, long pagesDone);
}
