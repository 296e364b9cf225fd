/**
 * The reviewers' web UI, rendered on the server (Thymeleaf): sign-in, the review queue and its items in their
 * conversations, search, exports, the audit trail and the admin area. Pages call the same services as the API, so
 * each rule (who sees which RM, four eyes, no self-review) holds here exactly as there.
 */
package org.imarchive.gateway.ui;
