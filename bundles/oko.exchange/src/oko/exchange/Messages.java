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

    static {
        NLS.initializeMessages("oko.exchange.messages", Messages.class);
    }

    private Messages() {
    }
}
