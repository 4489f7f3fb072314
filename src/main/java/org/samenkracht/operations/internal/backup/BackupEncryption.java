package org.samenkracht.operations.internal.backup;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A backup leaves the building encrypted with a key the operator supplies
 * ({@code samenkracht.backup.key} / {@code SAMENKRACHT_BACKUP_KEY}: base64 of 32 random bytes), which
 * the application never writes anywhere. AES-256-GCM in chunks of 1 MiB, so a backup of any size
 * streams in little memory; each chunk's nonce and associated data carry its number and whether it
 * is the last, so chunks cannot be dropped, reordered or cut off unnoticed.
 * <pre>
 * SAMENKRACHT-BACKUP-AES256GCM 1 &lt;key fingerprint&gt;\n
 * 8-byte random nonce prefix
 * per chunk: int length, ciphertext (with its 16-byte tag); the last chunk is flagged
 * </pre>
 */
public final class BackupEncryption {

    static final String MAGIC = "SAMENKRACHT-BACKUP-AES256GCM 1 ";
    private static final int CHUNK = 1 << 20;

    private BackupEncryption() {
    }

    /** The operator's key from its base64 text; at least 32 bytes (the first 32 are used). */
    public static byte[] key(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("No backup key: set samenkracht.backup.key (SAMENKRACHT_BACKUP_KEY) to the "
                    + "base64 of 32 random bytes, e.g. `openssl rand -base64 32`, and keep it apart from the backups.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The backup key is not base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("The backup key must be at least 32 bytes");
        }
        return Arrays.copyOf(key, 32);
    }

    static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the stream (marked) starts like an encrypted backup. */
    public static boolean isEncrypted(InputStream in) throws IOException {
        in.mark(64);
        byte[] head = in.readNBytes(MAGIC.length());
        in.reset();
        return Arrays.equals(head, MAGIC.getBytes(StandardCharsets.US_ASCII));
    }

    public static OutputStream encrypt(OutputStream target, byte[] key) throws IOException {
        byte[] prefix = new byte[8];
        new SecureRandom().nextBytes(prefix);
        target.write((MAGIC + fingerprint(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        target.write(prefix);
        DataOutputStream out = new DataOutputStream(target);
        return new OutputStream() {
            final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
            long index;
            boolean closed;

            @Override
            public void write(int b) throws IOException {
                buffer.write(b);
                if (buffer.size() >= CHUNK) {
                    flushChunk(false);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = Math.min(len, CHUNK - buffer.size());
                    buffer.write(b, off, n);
                    off += n;
                    len -= n;
                    if (buffer.size() >= CHUNK) {
                        flushChunk(false);
                    }
                }
            }

            private void flushChunk(boolean last) throws IOException {
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, index++, last, buffer.toByteArray());
                buffer.reset();
                out.writeInt(last ? -sealed.length - 1 : sealed.length);
                out.write(sealed);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    flushChunk(true);
                    out.flush();
                    target.close();
                }
            }
        };
    }

    public static InputStream decrypt(InputStream source, byte[] key) throws IOException {
        DataInputStream in = new DataInputStream(source);
        StringBuilder header = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0 || header.length() > 200) {
                throw new IOException("Not an encrypted Samenkracht backup");
            }
            header.append((char) c);
        }
        if (!header.toString().startsWith(MAGIC)) {
            throw new IOException("Not an encrypted Samenkracht backup");
        }
        if (!header.substring(MAGIC.length()).equals(fingerprint(key))) {
            throw new IOException("This backup was encrypted with another key (fingerprint "
                    + header.substring(MAGIC.length()) + ", the given key is " + fingerprint(key) + ")");
        }
        byte[] prefix = in.readNBytes(8);
        return new InputStream() {
            byte[] chunk = new byte[0];
            int pos;
            long index;
            boolean last;

            private boolean fill() throws IOException {
                while (pos >= chunk.length) {
                    if (last) {
                        return false;
                    }
                    int length;
                    try {
                        length = in.readInt();
                    } catch (EOFException e) {
                        throw new IOException("The backup is incomplete: it was cut off");
                    }
                    last = length < 0;
                    byte[] sealed = in.readNBytes(last ? -length - 1 : length);
                    chunk = crypt(Cipher.DECRYPT_MODE, key, prefix, index++, last, sealed);
                    pos = 0;
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                return fill() ? chunk[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static byte[] crypt(int mode, byte[] key, byte[] prefix, long index, boolean last, byte[] data) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(prefix, 0, 4).putLong(index).array();
            nonce[0] ^= prefix[4];
            nonce[1] ^= prefix[5];
            nonce[2] ^= prefix[6];
            nonce[3] ^= prefix[7];
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
            return cipher.doFinal(data);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException("The backup was changed or damaged (chunk " + index + " fails its check)");
        } catch (GeneralSecurityException e) {
            throw new IOException("Backup encryption failed: " + e.getMessage(), e);
        }
    }
}
