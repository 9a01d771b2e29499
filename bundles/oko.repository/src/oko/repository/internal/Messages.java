package oko.repository.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the repository; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String clientConnected;
    public static String poolTooSmall;
    public static String poolExhausted;
    public static String serverPool;
    public static String serverStatus;
    public static String slowCommit;
    public static String analyzeFailed;
    public static String statisticsFailed;
    public static String repairedAfterCrash;
    public static String clientConnectedAnonymous;
    public static String clientDisconnected;
    public static String conflict;
    public static String conflictFeature;
    public static String conflictNoFeature;
    public static String integrity;
    public static String commitFailed;
    public static String cannotConnect;
    public static String wrongLogin;
    public static String importLoadError;
    public static String importNotAModel;
    public static String importExists;
    public static String importReferenced;
    public static String importEmpty;
    public static String importCommitFailed;
    public static String importComment;
    public static String sampleComment;
    public static String exportNoSystem;
    public static String importDangling;
    public static String importDuplicateId;
    public static String connectionLost;
    public static String connectionLostBeforeCommit;
    public static String commitOutcomeUnknown;
    public static String serverListening;
    public static String serverListeningTls;
    public static String serverStopping;
    public static String serverStopped;
    public static String serverWarm;
    public static String serverNotWarmed;
    public static String modelMismatch;

    public static String adminCreated;
    public static String noPasswords;
    public static String loginRequired;

    public static String refusedNotLoggedIn;
    public static String refusedDesigner;
    public static String refusedMunicipal;
    public static String refusedOther;
    public static String readRefused;
    public static String loginRefused;
    public static String storeInUse;
    public static String unknownSchool;
    public static String notASchool;
    public static String passwordFileOpen;
    public static String passwordFileUnreadable;
    public static String userRemoved;
    public static String userChanged;
    public static String refusedRevoked;
    public static String sessionEnded;
    public static String tlsBadKeyStore;
    public static String tlsKeyStoreFailed;
    public static String tlsAcceptFailed;
    public static String tlsRefused;
    public static String tlsKnownServersFailed;
    public static String tlsFingerprintChanged;
    public static String tlsNotTrusted;
    public static String tlsFingerprintPinned;
    public static String tlsCreated;
    public static String tlsListenFailed;
    public static String tlsFingerprint;
    public static String tlsConnectFailed;

    static {
        NLS.initializeMessages("oko.repository.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
