package io.scenicpass.terminal.internal.peer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticated, encrypted link between two gates over one TCP socket. Each pair of devices shares a
 * 32-byte key (the server derives it and lists it in both devices' config). Handshake, in the clear:
 *
 * <pre>
 *   client → server: "SPP1", client id, client nonce (32 bytes)
 *   server → client: "SPP1", server id, server nonce, HMAC(K, "server" | transcript)
 *   client → server: HMAC(K, "client" | transcript)
 * </pre>
 *
 * Both sides prove they hold K over fresh nonces (no replay); then every frame is AES-256-GCM under a
 * per-direction key HMAC(K, "c2s"/"s2c" | transcript) with a counter nonce (no reorder or replay within a
 * session). A frame is a 4-byte length and the ciphertext.
 */
public final class SecureChannel implements Closeable {
    static final int MAGIC = 0x53505031; // "SPP1"
    /** Largest frame accepted (a batch of events). */
    static final int MAX_FRAME = 4 << 20;

    private static final int NONCE = 32;
    private static final int MAX_ID = 128;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final String peerId;
    private final SecretKeySpec sendKey;
    private final SecretKeySpec receiveKey;
    private final byte[] keyCheck;
    private long sent;
    private long received;

    private SecureChannel(
            Socket socket,
            DataInputStream in,
            DataOutputStream out,
            String peerId,
            byte[] pairKey,
            byte[] sendKey,
            byte[] recvKey) {
        this.keyCheck = hmac(pairKey, "check", new byte[0]);
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peerId = peerId;
        this.sendKey = new SecretKeySpec(sendKey, "AES");
        this.receiveKey = new SecretKeySpec(recvKey, "AES");
    }

    /**
     * Runs the client side of the handshake on a connected socket.
     *
     * @param socket connected
     * @param myId this device's id
     * @param keyOf the pair key for a peer device id, null for a device that is not a peer
     * @param random nonces
     * @return the channel
     * @throws PeerAuthException when the other side is not a peer or does not prove the key
     * @throws IOException on I/O failure
     */
    public static SecureChannel client(Socket socket, String myId, Function<String, byte[]> keyOf, SecureRandom random)
            throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        byte[] nc = new byte[NONCE];
        random.nextBytes(nc);
        out.writeInt(MAGIC);
        out.writeUTF(myId);
        out.write(nc);
        out.flush();
        if (in.readInt() != MAGIC) {
            throw new PeerAuthException("the other side does not speak the peer protocol");
        }
        String serverId = readId(in);
        byte[] ns = readBytes(in, NONCE);
        byte[] macS = readBytes(in, 32);
        byte[] key = keyOf.apply(serverId);
        if (key == null) {
            throw new PeerAuthException("device " + serverId + " is not a peer of this gate");
        }
        byte[] t = transcript(myId, nc, serverId, ns);
        if (!MessageDigest.isEqual(macS, hmac(key, "server", t))) {
            throw new PeerAuthException("device " + serverId + " did not prove the pair key");
        }
        out.write(hmac(key, "client", t));
        out.flush();
        return new SecureChannel(socket, in, out, serverId, key, hmac(key, "c2s", t), hmac(key, "s2c", t));
    }

    /**
     * Runs the server side of the handshake on an accepted socket.
     *
     * @param socket accepted
     * @param myId this device's id
     * @param keyOf the pair key for a peer device id, null for a device that is not a peer
     * @param random nonces
     * @return the channel
     * @throws PeerAuthException when the other side is not a peer or does not prove the key
     * @throws IOException on I/O failure
     */
    public static SecureChannel server(Socket socket, String myId, Function<String, byte[]> keyOf, SecureRandom random)
            throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        if (in.readInt() != MAGIC) {
            throw new PeerAuthException("the other side does not speak the peer protocol");
        }
        String clientId = readId(in);
        byte[] nc = readBytes(in, NONCE);
        byte[] key = keyOf.apply(clientId);
        if (key == null) {
            throw new PeerAuthException("device " + clientId + " is not a peer of this gate");
        }
        byte[] ns = new byte[NONCE];
        random.nextBytes(ns);
        byte[] t = transcript(clientId, nc, myId, ns);
        out.writeInt(MAGIC);
        out.writeUTF(myId);
        out.write(ns);
        out.write(hmac(key, "server", t));
        out.flush();
        if (!MessageDigest.isEqual(readBytes(in, 32), hmac(key, "client", t))) {
            throw new PeerAuthException("device " + clientId + " did not prove the pair key");
        }
        return new SecureChannel(socket, in, out, clientId, key, hmac(key, "s2c", t), hmac(key, "c2s", t));
    }

    /** @return the authenticated device id of the other side */
    public String peerId() {
        return peerId;
    }

    /** @param pairKey a key, or null @return whether this link was set up with it (false: re-key or drop) */
    public boolean usesKey(byte[] pairKey) {
        return pairKey != null && MessageDigest.isEqual(keyCheck, hmac(pairKey, "check", new byte[0]));
    }

    /** @param plain one message, encrypted and sent as one frame @throws IOException on failure */
    public synchronized void send(byte[] plain) throws IOException {
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, sendKey, sent++, plain);
        out.writeInt(sealed.length);
        out.write(sealed);
        out.flush();
    }

    /** @return the next message @throws IOException on failure, a forged or replayed frame included */
    public byte[] receive() throws IOException {
        int n = in.readInt();
        if (n < 16 || n > MAX_FRAME) {
            throw new IOException("bad frame length " + n);
        }
        return crypt(Cipher.DECRYPT_MODE, receiveKey, received++, readBytes(in, n));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static byte[] crypt(int mode, SecretKeySpec key, long counter, byte[] data) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] iv = ByteBuffer.allocate(12).putInt(0).putLong(counter).array();
            c.init(mode, key, new GCMParameterSpec(128, iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new PeerAuthException(
                    "frame failed authentication: " + e.getClass().getSimpleName());
        }
    }

    static byte[] hmac(byte[] key, String label, byte[] transcript) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(transcript);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] transcript(String clientId, byte[] nc, String serverId, byte[] ns) {
        byte[] c = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] s = serverId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + 2 + c.length + NONCE + 2 + s.length + NONCE)
                .putInt(MAGIC)
                .putShort((short) c.length)
                .put(c)
                .put(nc)
                .putShort((short) s.length)
                .put(s)
                .put(ns)
                .array();
    }

    private static String readId(DataInputStream in) throws IOException {
        String id = in.readUTF();
        if (id.isEmpty() || id.length() > MAX_ID) {
            throw new PeerAuthException("bad device id in handshake");
        }
        return id;
    }

    private static byte[] readBytes(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
