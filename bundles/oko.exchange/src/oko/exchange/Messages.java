package oko.exchange;

import org.eclipse.osgi.util.NLS;

/** Texts of the imports and exports; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String reportAtFile;
    public static String reportAtRow;
    public static String reportAtCell;
    public static String reportMoreErrors;
    public static String reportCount;
    public static String contributionBroken;
    public static String noSuchSystem;
    public static String noSystem;
    public static String chooseSystem;
    public static String notWithErrors;

    // ---- registers (h-reg): organisations and persons, the table reader ----
    public static String fileMissing;
    public static String fileNotText;
    public static String csvBroken;
    public static String xlsxBroken;
    public static String formulaError;
    public static String formulaFailed;
    public static String cellError;
    public static String exportFailed;
    public static String columnTwice;
    public static String reading;
    public static String systemWithoutModel;
    public static String noColumn;
    public static String unknownColumns;
    public static String attributeTwice;
    public static String attributeLoose;
    public static String unknownPeriodOption;
    public static String unknownPeriod;
    public static String noCode;
    public static String noName;
    public static String duplicateCode;
    public static String conflictingValue;
    public static String unknownKind;
    public static String notNumber;
    public static String notWholeNumber;
    public static String negativeCount;
    public static String notYesNo;
    public static String unknownCluster;
    public static String ambiguousCluster;
    public static String clusterCreated;
    public static String unknownTerritory;
    public static String ambiguousTerritory;
    public static String parentItself;
    public static String unknownParent;
    public static String parentCycle;
    public static String ambiguousPerson;
    public static String personLoose;
    public static String personCreated;
    public static String classOrganisations;
    public static String classClusters;
    public static String classPersons;
    public static String classRoles;
    public static String appliedTwice;
    public static String organisationsLabel;
    public static String organisationsSheet;
    public static String personsLabel;
    public static String personsSheet;
    public static String noNameColumn;
    public static String noPersonName;
    public static String unknownOrganisation;
    public static String ambiguousOrganisation;
    public static String notEmail;
    public static String unknownRole;
    public static String ambiguousRole;
    public static String duplicatePerson;
    // h-tables: function distribution, plan, technological map
    public static String classRole;
    public static String classDocument;
    public static String classSection;
    public static String classFunction;
    public static String classPlan;
    public static String classPlanItem;
    public static String classTechMap;
    public static String classTechMapRow;
    public static String tableRoleCreated;
    public static String tableDocumentCreated;
    public static String tableNoSuchPeriod;
    public static String tableFunctionsLabel;
    public static String diagramNotExported;
    public static String diagramLayoutsDropped;
    public static String diagramsNotDiagrams;
    public static String diagramNotImported;
    public static String diagramOfReplaced;
    public static String tablePlanLabel;
    public static String tableTechMapLabel;
    public static String tableNoHeader;
    public static String tableFunctionsHeader;
    public static String tablePlanHeader;
    public static String tableTechMapHeader;
    public static String tableNotNumber;
    public static String tableNumberTwice;
    public static String tableFunctionBeforeSection;
    public static String tableNoFunctionText;
    public static String tableNoItemText;
    public static String tableDeadlineText;
    public static String tableNoReferencedItem;
    public static String tableItemReference;
    public static String tableNoStage;
    public static String tableStageTwice;
    public static String tableFunctionsSheet;
    public static String tablePlanSheet;
    public static String tableTechMapSheet;
    public static String tableColumnNumber;
    public static String tableColumnFunction;
    public static String tableColumnResponsible;
    public static String tableColumnDocuments;
    public static String tableColumnItem;
    public static String tableColumnDeadline;
    public static String tableColumnResult;
    public static String tableColumnExecutors;
    public static String tableColumnStage;
    public static String tableColumnAction;
    public static String tableColumnCoordinator;
    public static String tableColumnExecutorsDuty;
    public static String tableColumnOperator;
    public static String tableNotDocxXlsx;

    static {
        NLS.initializeMessages("oko.exchange.messages", Messages.class);
    }

    private Messages() {
    }
}
