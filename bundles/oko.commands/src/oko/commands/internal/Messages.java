package oko.commands.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the repository commands; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String publishNoOut;
    public static String systemUnknownAction;
    public static String systemListArguments;
    public static String systemParentArguments;
    public static String systemParentNoneArguments;
    public static String systemUnknown;
    public static String systemNoLevelAbove;
    public static String systemBadParent;
    public static String systemNoSuchSystem;
    public static String systemParentAlready;
    public static String systemParentAlreadyNone;
    public static String systemParentComment;
    public static String systemParentNoneComment;
    public static String systemLevelRegion;
    public static String systemLevelMunicipality;
    public static String systemLevelSchool;
    public static String publishOutNotFolder;
    public static String publishBadBaseUrl;
    public static String publishNoSuchPeriod;
    public static String publishNoSuchSystem;
    public static String publishChooseSystem;
    public static String publishWriteFailed;
    public static String publishWritten;
    public static String publishComment;
    public static String documentAction;
    public static String documentNoOut;
    public static String documentFileIsFolder;
    public static String documentFileTooLarge;
    public static String documentNoFile;
    public static String documentUnreadable;
    public static String documentAttachComment;
    public static String documentAttached;
    public static String documentReplaced;
    public static String documentFilesHeader;
    public static String documentNoAttachment;
    public static String documentOutIsFolder;
    public static String documentWriteFailed;
    public static String documentSaved;
    public static String documentNoSystem;
    public static String documentAmbiguous;
    public static String documentNotFound;
    public static String documentNotFoundInSystem;
    public static String publishLinks;
    public static String serverWithServer;
    public static String serverDataAndDb;
    public static String badPort;
    public static String badPool;
    public static String badDatabase;
    public static String importNothing;
    public static String importSampleAndFiles;
    public static String importNoFile;
    public static String imported;
    public static String importFailed;
    public static String exported;
    public static String exportNoOut;
    public static String validateEmpty;
    public static String validateSummary;
    public static String validateFileErrors;
    public static String monitorUnknownAction;
    public static String monitorNoPeriod;
    public static String monitorNoSuchPeriod;
    public static String monitorNoSystem;
    public static String monitorComputeComment;
    public static String monitorComputedBelow;
    public static String monitorAggregate;
    public static String monitorRiskComment;
    public static String monitorNoFile;
    public static String monitorBadFormat;
    public static String monitorImportFailed;
    public static String monitorBadValue;
    public static String monitorImported;
    public static String monitorImportedInto;
    public static String monitorImportComment;

    public static String monitorCorrelateUsage;
    public static String monitorNoIndicator;
    public static String monitorRecommended;
    public static String monitorRecommendComment;
    public static String monitorEffectComment;
    public static String reportBadParam;
    public static String reportUnknown;
    public static String reportBadFormat;
    public static String reportNoOut;
    public static String reportUnknownParam;
    public static String reportNoSystem;
    public static String reportTwoSystems;
    public static String reportWritten;

    public static String newNoModule;
    public static String newUnknownModule;
    public static String newNoName;
    public static String newBadTemplate;
    public static String newCodeTaken;
    public static String newNoSchool;
    public static String newComment;
    public static String newCreated;
    public static String newOperatorOfSchool;
    public static String newSchoolOfOther;
    public static String newRegionNoOperator;
    public static String newMunicipalNoOperator;
    public static String newNoLevelAbove;
    public static String newBadParent;
    public static String newTerritoryNotRegion;
    public static String importNoSample;

    public static String userWithServer;
    public static String userNoLogin;
    public static String userNoPassword;
    public static String userBadRole;
    public static String userNoSchool;
    public static String userExists;
    public static String userAdded;
    public static String userUnknown;
    public static String userPasswordSet;
    public static String userRemoved;
    public static String userBadAction;
    public static String userNoTerminal;
    public static String userPasswordPrompt;
    public static String userPasswordAgain;
    public static String userPasswordsDiffer;
    public static String userPasswordShort;
    public static String loginRefused;
    public static String commitChecking;
    public static String commitFoundStored;
    public static String commitFoundNotStored;
    public static String commitStillUnknown;
    public static String tlsFirstUse;
    public static String serverPlain;
    public static String dbPasswordInUrl;
    public static String userRoleSet;

    // issue 18: monitor import over several periods
    public static String monitorNoSystemToImport;
    // ---- register / table (h-reg) ----
    public static String exchangeUsage;
    public static String exchangeBadAction;
    public static String exchangeUnknownKind;
    public static String exchangeNoExport;
    public static String exchangeExportXlsx;
    public static String exchangeBadExtension;
    public static String exchangeNothingStored;
    public static String exchangeErrors;
    public static String exchangeDryRun;
    public static String exchangeNoChange;
    public static String exchangeComment;
    public static String exchangeStored;
    public static String exchangeExported;
    public static String exchangeCount;
    // ./oko cycle
    public static String cycleNoPeriod;
    public static String cycleNoSystem;
    public static String cycleUnknownPeriod;
    public static String cycleUnknownSystem;
    public static String cycleChooseSystem;
    public static String cycleSummary;
    public static String cycleStrictFailed;

    public static String meetingUnknownAction;
    public static String meetingListOption;
    public static String meetingListHeader;
    public static String meetingPlanned;
    public static String meetingDatePassed;
    public static String meetingProtocolDue;
    public static String meetingProtocolOverdue;
    public static String meetingProtocolDone;
    public static String meetingCancelled;
    public static String meetingNoGroup;
    public static String meetingNoNumber;
    public static String meetingNoOut;
    public static String meetingBadOut;
    public static String meetingDateWithoutStore;
    public static String meetingBadDate;
    public static String meetingNotFound;
    public static String meetingAmbiguous;
    public static String meetingNotWritten;
    public static String meetingStoredComment;
    public static String meetingStored;
    public static String meetingWritten;

    static {
        NLS.initializeMessages("oko.commands.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
