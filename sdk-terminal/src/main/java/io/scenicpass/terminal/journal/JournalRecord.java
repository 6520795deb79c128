package io.scenicpass.terminal.journal;

import java.util.Arrays;

/** One record read back from the journal: its id (ascending, unique for the journal's lifetime) and payload. */
public final class JournalRecord {
    private final long id;
    private final byte[] payload;
    private final boolean uploaded;

    /**
     * @param id the record id
     * @param payload the bytes given to {@link Journal#append(byte[])}
     */
    public JournalRecord(long id, byte[] payload) {
        this(id, payload, false);
    }

    /**
     * @param id the record id
     * @param payload the bytes given to {@link Journal#append(byte[])}
     * @param uploaded whether the record was marked uploaded
     */
    public JournalRecord(long id, byte[] payload, boolean uploaded) {
        this.id = id;
        this.payload = payload.clone();
        this.uploaded = uploaded;
    }

    /** @return whether the server acknowledged this record ({@link Journal#markUploaded}) */
    public boolean uploaded() {
        return uploaded;
    }

    /** @return the id returned by {@link Journal#append(byte[])} */
    public long id() {
        return id;
    }

    /** @return a copy of the payload */
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JournalRecord)) {
            return false;
        }
        JournalRecord r = (JournalRecord) o;
        return r.id == id && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "JournalRecord{id=" + id + ", " + payload.length + " bytes}";
    }
}
