/**
 * The crash-safe append-only journal: CRC32C-framed records in segment files, fsync policies with group
 * commit, upload marks, compaction and a disk budget with an alarm.
 */
package io.scenicpass.terminal.journal;
