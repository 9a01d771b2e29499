package oko.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the workbench frame; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String windowTitle;
    public static String connecting;
    public static String navigatorFilter;
    public static String loadingSample;
    public static String sampleLoaded;
    public static String connectFailed;
    public static String connectFailedTitle;
    public static String recoveredTitle;
    public static String navigatorConnecting;
    public static String menuFile;
    public static String menuEdit;
    public static String menuWindow;
    public static String menuOpenPerspective;
    public static String menuShowView;
    public static String menuHelp;

    public static String editorNoTable;
    public static String tableReloadDescriptions;
    public static String tableReloadProblems;
    public static String tableBadValue;
    public static String tableCellEmpty;
    public static String navigatorTables;
    public static String colNumber;
    public static String editorNoRepository;
    public static String editorObjectGone;
    public static String editorDelete;
    public static String editorAddFunction;
    public static String editorUndo;
    public static String editorRedo;
    public static String editorCommentTitle;
    public static String editorCommentMessage;
    public static String editorCommentDefault;
    public static String editorConflictTitle;
    public static String editorConflict;
    public static String editorSaveFailed;
    public static String editorSaveFailedTitle;
    public static String problemsSeverity;
    public static String problemsRule;
    public static String problemsMessage;
    public static String problemsPath;
    public static String problemsError;
    public static String problemsWarning;
    public static String problemsSummary;
    public static String problemsQuickFix;
    public static String problemsNoQuickFix;
    public static String problemsNoRepository;
    public static String problemsNothingToFix;
    public static String problemsFixComment;
    public static String validateJob;
    public static String validateFailed;
    public static String propertyYes;
    public static String propertyNo;
    public static String propertyBadValue;
    public static String editorForm;
    public static String formProperty;
    public static String formValue;
    public static String exchangeTitle;
    public static String importModelTitle;
    public static String exportModelTitle;
    public static String importReplaceQuestion;
    public static String importModelJob;
    public static String importModelComment;
    public static String importModelDone;
    public static String importModelFailed;
    public static String exportModelJob;
    public static String exportModelDone;
    public static String exchangeFailed;

    public static String newSystemTitle;
    public static String newSystemMessage;
    public static String newSystemModule;
    public static String newSystemName;
    public static String newSystemSchool;
    public static String newSystemNoModules;
    public static String newSystemNoName;
    public static String newSystemNoSchool;
    public static String newSystemJob;
    public static String newSystemComment;
    public static String newSystemFailed;
    public static String newSystemNoRepository;
    // Issue 17, item 4
    public static String newSystemCode;
    public static String newSystemTerritory;
    public static String newSystemTerritoryHint;
    public static String newSystemNoCode;
    public static String newSystemCodeBlank;
    public static String newSystemCodeTaken;
    public static String newSystemNoTerritory;
    public static String newSystemOperator;
    public static String newSystemOperatorHint;
    public static String newSystemParent;
    public static String newSystemParentHint;
    public static String newSystemNoParent;
    public static String newSystemNotRegion;
    public static String newSystemNoOperator;
    public static String newSystemNoMunicipalOperator;

    public static String loginTitle;
    public static String loginRefused;
    public static String tlsFirstUseTitle;
    public static String tlsFirstUse;
    public static String tlsTrusted;
    public static String loginMessage;
    public static String loginLogin;
    public static String loginPassword;

    public static String historyTime;
    public static String historyUser;
    public static String historyComment;
    public static String historyVersion;
    public static String historyNone;
    public static String historyOf;

    // navigator editing
    public static String navigatorRegisters;
    public static String navigatorRegistersOf;
    public static String navigatorOrganisations;
    public static String navigatorPersons;
    public static String navigatorPeriods;
    public static String navigatorClusters;
    public static String navigatorTerritories;
    public static String navigatorNew;
    public static String navigatorOpen;
    public static String navigatorCopy;
    public static String navigatorPaste;
    public static String navigatorDelete;
    public static String navigatorRename;
    public static String navigatorChanged;
    public static String navigatorChangedOther;
    public static String navigatorUndone;
    public static String navigatorRedone;
    public static String navigatorCreated;
    public static String navigatorCreateTitle;
    public static String navigatorCreateName;
    public static String navigatorDeleted;
    public static String navigatorDeleteTitle;
    public static String navigatorDeleteQuestion;
    public static String navigatorDeleteNested;
    public static String navigatorDeleteReferences;
    public static String navigatorDeleteNoReferences;
    public static String navigatorDeleteButton;
    public static String navigatorReference;
    public static String navigatorReferenceTo;
    public static String navigatorAndMore;
    public static String navigatorPasted;
    public static String navigatorRenameTitle;
    public static String navigatorRenameMessage;
    public static String navigatorRenamed;
    public static String documentAttachFile;
    public static String documentSaveFileAs;
    public static String documentFileTooLarge;
    public static String documentFileUnreadable;
    public static String documentFileAttached;
    public static String documentFileNotSaved;
    public static String navigatorNameEmpty;
    public static String navigatorCommitFailedTitle;
    public static String navigatorCommitFailed;
    public static String chooserFilter;
    public static String chooserFilterHint;
    public static String chooserCandidates;
    public static String chooserChosen;
    public static String chooserAdd;
    public static String chooserRemove;
    public static String chooserUp;
    public static String chooserDown;

    static {
        NLS.initializeMessages("oko.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
