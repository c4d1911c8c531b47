package org.ossmultipart.camel.janitor;

/** What makes an in-progress upload stale. */
public enum StaleBy {
    /**
     * The newest of Initiated and the LastModified of its newest part is older than staleAfter. Costs a
     * ListParts call for each upload whose Initiated is past the threshold (fresh uploads cost none).
     */
    lastActivity,
    /**
     * Initiated alone is older than staleAfter: no extra request, but an upload that takes longer than
     * staleAfter is judged stale while it still runs on another node.
     */
    initiated
}
