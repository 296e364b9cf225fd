package org.imarchive.archive.crypto;

import org.imarchive.archive.support.Jdbc;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data keys, wrapped by the master key, in the metadata database ({@code data_key}). Destroying a key overwrites
 * its wrapped form with nothing and records when: the content it sealed, in the packs, the blobs and every backup of
 * them, can no longer be read by anyone. Unwrapped keys are cached, and dropped from the cache when destroyed.
 */
public final class DataKeys {
    private static final String CHECK_ID = "master-key-check";
    private static final byte[] CHECK_VALUE = "imarchive master key check".getBytes(StandardCharsets.UTF_8);
    private static final int CACHE_SIZE = 10_000;

    private final DataSource dataSource;
    private final MasterKey masterKey;
    private final Clock clock;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public DataKeys(DataSource dataSource, MasterKey masterKey, Clock clock) {
        this.dataSource = dataSource;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /**
     * Proves the master key is this archive's: the first call on an archive wraps a check value under it, every later
     * call must unwrap it. Run it at start-up, before anything is written or read.
     *
     * @throws WrongMasterKeyException naming the setting to correct
     */
    public void checkMasterKey() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<byte[]> wrapped = wrappedKey(connection, CHECK_ID);
            if (wrapped.isEmpty()) {
                insert(connection, CHECK_ID, masterKey.wrap(CHECK_ID, CHECK_VALUE));
                return;
            }
            byte[] value;
            try {
                value = masterKey.unwrap(CHECK_ID, wrapped.get());
            } catch (WrongMasterKeyException e) {
                throw new WrongMasterKeyException("the configured master key is not the key this archive was encrypted with: check"
                        + " gateway.archive.encryption.master-key / master-key-file (nothing was read or written)");
            }
            if (!java.util.Arrays.equals(value, CHECK_VALUE)) {
                throw new WrongMasterKeyException("the archive's master key check value is not the expected one");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data keys", e);
        }
    }

    /**
     * The key of {@code keyId}, made and stored (in the caller's transaction) when there is none yet. Not cached: the
     * transaction may still roll back, and a cached key without its row would seal content nobody could open.
     */
    public byte[] keyForNewContent(Connection connection, String keyId) throws SQLException {
        Optional<byte[]> known = cached(keyId);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<byte[]> wrapped = wrappedKey(connection, keyId);
        if (wrapped.isPresent()) {
            return masterKey.unwrap(keyId, wrapped.get());
        }
        byte[] key = Aead.newKey();
        insert(connection, keyId, masterKey.wrap(keyId, key));
        return key;
    }

    /** Stores a new key for content not yet referenced anywhere, replacing an unused one a crash may have left. */
    public void replace(String keyId, byte[] key) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("delete from data_key where key_id = ?")) {
                delete.setString(1, keyId);
                delete.executeUpdate();
            }
            insert(connection, keyId, masterKey.wrap(keyId, key));
            connection.commit();
            remember(keyId, key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store data key " + keyId, e);
        }
    }

    /** The key, or empty when it was destroyed (or never made). */
    public Optional<byte[]> key(String keyId) {
        Optional<byte[]> known = cached(keyId);
        if (known.isPresent()) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            return wrappedKey(connection, keyId).map(wrapped -> remember(keyId, masterKey.unwrap(keyId, wrapped)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read data key " + keyId, e);
        }
    }

    /** Whether the key was made once and destroyed since (as against never made: content from before encryption). */
    public boolean destroyed(String keyId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select 1 from data_key where key_id = ? and destroyed_at is not null")) {
            select.setString(1, keyId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read data key " + keyId, e);
        }
    }

    /** Destroys the key inside the caller's transaction; the content it sealed is unreadable from then on. */
    public void destroy(Connection connection, String keyId) throws SQLException {
        destroyAll(connection, java.util.List.of(keyId));
    }

    /** Destroys these keys inside the caller's transaction, as one batch. */
    public void destroyAll(Connection connection, java.util.Collection<String> keyIds) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update data_key set wrapped_key = null, destroyed_at = ? where key_id = ? and wrapped_key is not null")) {
            for (String keyId : keyIds) {
                update.setObject(1, Jdbc.timestamp(clock.instant()));
                update.setString(2, keyId);
                update.addBatch();
            }
            update.executeBatch();
        }
        synchronized (cache) {
            keyIds.forEach(cache::remove);
        }
    }

    private Optional<byte[]> cached(String keyId) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(keyId));
        }
    }

    private byte[] remember(String keyId, byte[] key) {
        synchronized (cache) {
            cache.put(keyId, key);
        }
        return key;
    }

    private static Optional<byte[]> wrappedKey(Connection connection, String keyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select wrapped_key from data_key where key_id = ?")) {
            select.setString(1, keyId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(Base64.getDecoder().decode(rows.getString(1)));
            }
        }
    }

    private void insert(Connection connection, String keyId, byte[] wrapped) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into data_key (key_id, wrapped_key, created_at) values (?,?,?)")) {
            insert.setString(1, keyId);
            insert.setString(2, Base64.getEncoder().encodeToString(wrapped));
            insert.setObject(3, Jdbc.timestamp(clock.instant()));
            insert.executeUpdate();
        }
    }
}
