package org.imarchive.supervision.policy;

/** One rule of a policy; its id is what a hit names, stable across versions while the rule means the same. */
public sealed interface Rule permits LexiconRule, RegexRule, ProximityRule {

    String id();

    RuleKind kind();
}
