package oko.exchange.registers;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.Messages;
import oko.exchange.internal.Cells;
import oko.exchange.internal.Columns;
import oko.exchange.internal.Index;
import oko.exchange.internal.TabularFile;
import oko.exchange.internal.XlsxWriter;
import oko.model.AttributeDefinition;
import oko.model.AttributeType;
import oko.model.AttributeValue;
import oko.model.Cluster;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.Person;
import oko.model.QualitySystem;
import oko.model.Territory;

/**
 * The register of organisations of a territory (schools, the authority, methodical services…) as
 * CSV or XLSX: one row per organisation (or per organisation and period when a period column gives
 * the period of its attribute values), columns found by their Russian or English header names in
 * any order, plus one column per attribute definition of the model (by its name or code).
 * <p>
 * Organisations are matched by code: an existing one is updated (only what differs counts as an
 * update), a new one added; nothing is ever deleted and an empty cell changes nothing. The
 * cluster and the territory are found by code or name; a missing cluster is created only with
 * {@link ImportSettings#createMissing()}, a missing territory is an error. The parent is given by
 * code (in the file or in the model). The head is a person found by full name (or by surname and
 * initials, noted); a person not found is created and noted. Attribute values are for the row's
 * period (a period column), else the period of the settings, else for no period.
 */
public final class OrganisationRegister extends Register {

    /** The id on the command line and in the workbench. */
    public static final String ID = "organisations";

    enum Field {
        CODE, NAME, SHORT_NAME, KIND, CLUSTER, TERRITORY, PARENT, STUDENTS, TEACHERS, HEAD, WEBSITE, ADDRESS, PERIOD
    }

    /** The header the export writes (Russian), per field. */
    static final Map<Field, String> HEADER = new EnumMap<>(Field.class);

    /** The names a header may give a field (the first is the export's). */
    static final Map<Field, List<String>> NAMES = new EnumMap<>(Field.class);

    static {
        names(Field.CODE, "Код", "code", "код организации", "код ОО", "organisation code", "organization code");
        names(Field.NAME, "Полное наименование", "наименование", "полное название", "название", "full name", "name");
        names(Field.SHORT_NAME, "Краткое наименование", "сокращённое наименование", "краткое название", "short name");
        names(Field.KIND, "Тип", "вид", "тип организации", "вид организации", "kind", "type");
        names(Field.CLUSTER, "Кластер", "cluster");
        names(Field.TERRITORY, "Территория", "territory", "муниципальное образование");
        names(Field.PARENT, "Головная организация", "код головной организации", "вышестоящая организация", "parent",
                "parent code", "parent organisation", "parent organization");
        names(Field.STUDENTS, "Обучающихся", "обучающиеся", "число обучающихся", "количество обучающихся",
                "контингент", "students", "number of students", "student count");
        names(Field.TEACHERS, "Педагогов", "педагоги", "число педагогов", "количество педагогов",
                "педагогических работников", "teachers", "number of teachers", "teacher count");
        names(Field.HEAD, "Руководитель", "директор", "ФИО руководителя", "head", "director");
        names(Field.WEBSITE, "Сайт", "официальный сайт", "website", "web site", "site");
        names(Field.ADDRESS, "Адрес", "юридический адрес", "address");
        names(Field.PERIOD, "Период", "period");
    }

    private static void names(Field field, String... names) {
        HEADER.put(field, names[0]);
        NAMES.put(field, List.of(names));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return Messages.organisationsLabel;
    }

    @Override
    Prepared check(QualitySystem system, TabularFile table, ImportSettings settings, ImportReport report) {
        Plan plan = new Plan(model(system), table, settings, report);
        plan.check();
        return plan;
    }

    static ModelRoot model(QualitySystem system) {
        if (system.eContainer() instanceof ModelRoot root) {
            return root;
        }
        throw new IllegalArgumentException(Messages.bind(Messages.systemWithoutModel, system.getCode()));
    }

    // ---- the plan: what the file says, checked, and the changes worked out ----

    /** A cluster to create (with --create-clusters), by the name the file gives. */
    record NewCluster(String name) {
    }

    /** A person to create as a head, by the name the file gives. */
    record NewPerson(String name) {
    }

    /** The value of an attribute for a period (null: none) as read: Boolean, Double or String. */
    record Value(AttributeDefinition definition, Period period, Object value, int row, String column) {
    }

    /** One organisation of the file: its values per field (as resolved) and the row that gave each. */
    static final class Entry {
        final String code;
        final int row;
        final Organisation existing;
        final Map<Field, Object> values = new EnumMap<>(Field.class);
        final Map<Field, Integer> rows = new EnumMap<>(Field.class);
        final Map<List<Object>, Value> attributes = new LinkedHashMap<>();
        final Set<Object> periods = new LinkedHashSet<>();
        Object parent; // Organisation or Entry, resolved from values.get(PARENT)
        Organisation target;
        boolean changes;

        Entry(String code, int row, Organisation existing) {
            this.code = code;
            this.row = row;
            this.existing = existing;
        }
    }

    private static final Object NO_PERIOD = new Object();

    static final class Plan implements Prepared {
        private final ModelRoot root;
        private final TabularFile table;
        private final ImportSettings settings;
        private final ImportReport report;
        private Columns<Field> columns;
        private final Map<Integer, AttributeDefinition> attributeColumns = new LinkedHashMap<>();
        private final Map<String, Organisation> organisations = new HashMap<>();
        private final Index<Cluster> clusters = new Index<>();
        private final Index<Territory> territories = new Index<>();
        private final Index<Period> periods = new Index<>();
        private final Map<String, List<Person>> persons = new HashMap<>();
        private final Map<String, List<Person>> byInitials = new HashMap<>();
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Map<String, NewCluster> newClusters = new LinkedHashMap<>();
        private final Map<String, NewPerson> newPersons = new LinkedHashMap<>();
        private Period settingsPeriod;
        private boolean applied;

        Plan(ModelRoot root, TabularFile table, ImportSettings settings, ImportReport report) {
            this.root = root;
            this.table = table;
            this.settings = settings;
            this.report = report;
        }

        @Override
        public ImportReport report() {
            return report;
        }

        void check() {
            report.header(table.header());
            table.rows().forEach(r -> report.previewRow(r.cells()));
            indexModel();
            columns = Columns.find(table, NAMES, report);
            for (Field required : List.of(Field.CODE, Field.NAME)) {
                if (!columns.has(required)) {
                    report.error(table.header().isEmpty() ? 0 : table.headerRow(), null,
                            Messages.bind(Messages.noColumn, NAMES.get(required).get(0), NAMES.get(required).get(1)));
                }
            }
            matchAttributeColumns();
            if (settings.period() != null && !settings.period().isBlank()) {
                settingsPeriod = periods.one(settings.period());
                if (settingsPeriod == null) {
                    report.error(0, null, Messages.bind(Messages.unknownPeriodOption, settings.period(), periodCodes()));
                }
            }
            if (!columns.has(Field.CODE)) {
                return;
            }
            for (TabularFile.Row row : table.rows()) {
                readRow(row);
            }
            resolveParents();
            if (!report.hasErrors()) {
                count();
            }
        }

        private void indexModel() {
            for (Organisation organisation : root.getOrganisations()) {
                if (organisation.getCode() != null) {
                    organisations.putIfAbsent(organisation.getCode().strip(), organisation);
                }
            }
            for (Cluster cluster : root.getClusters()) {
                clusters.add(cluster, cluster.getCode(), cluster.getName());
            }
            for (Territory territory : root.getTerritories()) {
                indexTerritory(territory);
            }
            for (Period period : root.getPeriods()) {
                periods.add(period, period.getCode(), period.getName());
            }
            for (Person person : root.getPersons()) {
                persons.computeIfAbsent(Cells.nameKey(fullName(person)), k -> new ArrayList<>()).add(person);
                String initials = initials(person);
                if (initials != null) {
                    byInitials.computeIfAbsent(initials, k -> new ArrayList<>()).add(person);
                }
            }
        }

        private void indexTerritory(Territory territory) {
            territories.add(territory, territory.getCode(), territory.getName());
            territory.getChildren().forEach(this::indexTerritory);
        }

        private String periodCodes() {
            return String.join(", ", root.getPeriods().stream().map(Period::getCode).filter(Objects::nonNull).toList());
        }

        /** The columns no field takes: attribute definitions by code or name, else unknown (a note). */
        private void matchAttributeColumns() {
            Map<String, AttributeDefinition> byKey = new HashMap<>();
            for (AttributeDefinition definition : root.getAttributeDefinitions()) {
                if (definition.getCode() != null) {
                    byKey.putIfAbsent(Cells.key(definition.getCode()), definition);
                }
                if (definition.getName() != null) {
                    byKey.putIfAbsent(Cells.key(definition.getName()), definition);
                }
            }
            List<String> unknown = new ArrayList<>();
            Set<AttributeDefinition> taken = new java.util.HashSet<>();
            for (int c : columns.unmatched()) {
                String header = table.header().get(c);
                String key = Cells.key(header);
                AttributeDefinition definition = byKey.get(key);
                boolean loose = false;
                if (definition == null && !key.isEmpty()) {
                    // «малокомплектная» for «малокомплектная школа (да/нет)»: the start of one name only
                    List<AttributeDefinition> starting = root.getAttributeDefinitions().stream()
                            .filter(d -> d.getName() != null && (Cells.key(d.getName()) + " ").startsWith(key + " "))
                            .toList();
                    if (starting.size() == 1) {
                        definition = starting.get(0);
                        loose = true;
                    }
                }
                if (definition == null) {
                    unknown.add(header);
                } else if (!taken.add(definition)) {
                    report.error(table.headerRow(), header, Messages.bind(Messages.attributeTwice, label(definition)));
                } else {
                    attributeColumns.put(c, definition);
                    if (loose) {
                        report.note(table.headerRow(), header, Messages.bind(Messages.attributeLoose, label(definition)));
                    }
                }
            }
            if (!unknown.isEmpty()) {
                List<String> known = new ArrayList<>(HEADER.values());
                root.getAttributeDefinitions().forEach(d -> known.add(label(d)));
                report.note(table.headerRow(), null, Messages.bind(Messages.unknownColumns, "«" + String.join("», «", unknown)
                        + "»", String.join(", ", known)));
            }
        }

        private void readRow(TabularFile.Row row) {
            int line = row.number();
            String code = row.get(columns.index(Field.CODE));
            if (code.isEmpty()) {
                report.error(line, columns.name(Field.CODE), Messages.noCode);
                return;
            }
            Object period = NO_PERIOD;
            if (columns.has(Field.PERIOD) && !row.get(columns.index(Field.PERIOD)).isEmpty()) {
                String text = row.get(columns.index(Field.PERIOD));
                Period found = periods.one(text);
                if (found == null) {
                    report.error(line, columns.name(Field.PERIOD), Messages.bind(Messages.unknownPeriod, text,
                            periodCodes()));
                    return;
                }
                period = found;
            } else if (settingsPeriod != null) {
                period = settingsPeriod;
            }
            Entry entry = entries.get(code);
            if (entry == null) {
                entry = new Entry(code, line, organisations.get(code));
                entries.put(code, entry);
            } else if (!columns.has(Field.PERIOD) || !entry.periods.add(period)) {
                report.error(line, columns.name(Field.CODE), Messages.bind(Messages.duplicateCode, code, entry.row));
                return;
            }
            entry.periods.add(period);
            Map<Field, Object> values = new EnumMap<>(Field.class);
            for (Field field : Field.values()) {
                if (field == Field.CODE || field == Field.PERIOD || !columns.has(field)) {
                    continue;
                }
                String text = row.get(columns.index(field));
                if (text.isEmpty()) {
                    continue;
                }
                Object value = value(field, text, line, columns.name(field), entry);
                if (value != null) {
                    values.put(field, value);
                }
            }
            if (entry.existing == null && entry.row == line && !values.containsKey(Field.NAME) && columns.has(Field.NAME)) {
                report.error(line, columns.name(Field.NAME), Messages.bind(Messages.noName, code));
            }
            for (Map.Entry<Field, Object> given : values.entrySet()) {
                Field field = given.getKey();
                Object value = given.getValue();
                Object before = entry.values.putIfAbsent(field, value);
                if (before != null && !before.equals(value)) {
                    report.error(line, columns.name(field), Messages.bind(Messages.conflictingValue,
                            new Object[] { code, entry.rows.get(field), text(before), text(value) }));
                } else if (before == null) {
                    entry.rows.put(field, line);
                }
            }
            for (Map.Entry<Integer, AttributeDefinition> column : attributeColumns.entrySet()) {
                String text = row.get(column.getKey());
                if (text.isEmpty()) {
                    continue;
                }
                String header = table.columnName(column.getKey());
                Object value = attributeValue(column.getValue(), text, line, header);
                if (value != null) {
                    Period p = period == NO_PERIOD ? null : (Period) period;
                    entry.attributes.put(List.of(column.getValue(), period),
                            new Value(column.getValue(), p, value, line, header));
                }
            }
        }

        /** A field's cell resolved, null after an error was reported. */
        private Object value(Field field, String text, int line, String column, Entry entry) {
            switch (field) {
            case NAME, SHORT_NAME, WEBSITE, ADDRESS:
                return Cells.clean(text);
            case KIND: {
                OrganisationKind kind = Kinds.of(text);
                if (kind == null) {
                    report.error(line, column, Messages.bind(Messages.unknownKind, text, Kinds.known()));
                }
                return kind;
            }
            case STUDENTS, TEACHERS: {
                BigDecimal number = Cells.number(text);
                if (number == null) {
                    report.error(line, column, Messages.bind(Messages.notNumber, text));
                    return null;
                }
                if (number.signum() < 0) {
                    report.error(line, column, Messages.bind(Messages.negativeCount, text));
                    return null;
                }
                if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    report.error(line, column, Messages.bind(Messages.notWholeNumber, text));
                    return null;
                }
                return number.intValueExact();
            }
            case CLUSTER: {
                List<Cluster> found = clusters.find(text);
                if (found.size() == 1) {
                    return found.get(0);
                }
                if (found.size() > 1) {
                    report.error(line, column, Messages.bind(Messages.ambiguousCluster, text, codes(found)));
                    return null;
                }
                if (!settings.createMissing()) {
                    report.error(line, column, Messages.bind(Messages.unknownCluster, text));
                    return null;
                }
                String clean = Cells.clean(text);
                return newClusters.computeIfAbsent(Cells.nameKey(clean), k -> {
                    report.note(line, column, Messages.bind(Messages.clusterCreated, clean));
                    return new NewCluster(clean);
                });
            }
            case TERRITORY: {
                List<Territory> found = territories.find(text);
                if (found.size() == 1) {
                    return found.get(0);
                }
                report.error(line, column, found.isEmpty()
                        ? Messages.bind(Messages.unknownTerritory, text, names(territoryList()))
                        : Messages.bind(Messages.ambiguousTerritory, text, codes(found)));
                return null;
            }
            case PARENT: {
                String code = text.strip();
                if (code.equals(entry.code)) {
                    report.error(line, column, Messages.bind(Messages.parentItself, code));
                    return null;
                }
                return code; // resolved once every row is read: the parent may come later in the file
            }
            case HEAD:
                return head(text, line, column, entry);
            default:
                return null;
            }
        }

        private Object head(String text, int line, String column, Entry entry) {
            String name = Cells.clean(text);
            List<Person> found = persons.getOrDefault(Cells.nameKey(name), List.of());
            boolean loose = false;
            if (found.isEmpty()) {
                String initials = initialsOf(name);
                if (initials != null) {
                    found = byInitials.getOrDefault(initials, List.of());
                    loose = true;
                }
            }
            if (found.size() > 1 && entry.existing != null) {
                // the one working in the organisation
                List<Person> here = found.stream().filter(p -> p.getPositions().stream()
                        .anyMatch(position -> position.getOrganisation() == entry.existing)).toList();
                found = here.isEmpty() ? found : here;
            }
            if (found.size() > 1) {
                report.error(line, column, Messages.bind(Messages.ambiguousPerson, name, found.size()));
                return null;
            }
            if (found.size() == 1) {
                if (loose) {
                    report.note(line, column, Messages.bind(Messages.personLoose, name, fullName(found.get(0))));
                }
                return found.get(0);
            }
            return newPersons.computeIfAbsent(Cells.nameKey(name), k -> {
                report.note(line, column, Messages.bind(Messages.personCreated, name));
                return new NewPerson(name);
            });
        }

        /** An attribute's value read from a cell: Boolean, Double or String; null after an error. */
        private Object attributeValue(AttributeDefinition definition, String text, int line, String column) {
            AttributeType type = definition.getType() == null ? AttributeType.BOOLEAN : definition.getType();
            switch (type) {
            case BOOLEAN: {
                Boolean yes = Cells.yesNo(text);
                if (yes == null) {
                    report.error(line, column, Messages.bind(Messages.notYesNo, text));
                }
                return yes;
            }
            case INTEGER, DECIMAL: {
                BigDecimal number = Cells.number(text);
                if (number == null) {
                    report.error(line, column, Messages.bind(Messages.notNumber, text));
                    return null;
                }
                if (type == AttributeType.INTEGER && number.stripTrailingZeros().scale() > 0) {
                    report.error(line, column, Messages.bind(Messages.notWholeNumber, text));
                    return null;
                }
                return number.doubleValue();
            }
            default:
                return Cells.clean(text);
            }
        }

        private void resolveParents() {
            for (Entry entry : entries.values()) {
                Object code = entry.values.get(Field.PARENT);
                if (code == null) {
                    continue;
                }
                Entry inFile = entries.get(code);
                if (inFile != null) {
                    entry.parent = inFile;
                } else if (organisations.containsKey(code)) {
                    entry.parent = organisations.get(code);
                } else {
                    report.error(entry.rows.get(Field.PARENT), columns.name(Field.PARENT),
                            Messages.bind(Messages.unknownParent, code));
                }
            }
            // a parent chain through the file and the model must not come back
            for (Entry entry : entries.values()) {
                if (entry.parent == null) {
                    continue;
                }
                List<String> chain = new ArrayList<>(List.of(entry.code));
                Object next = entry.parent;
                while (next != null) {
                    String code = next instanceof Entry e ? e.code : ((Organisation) next).getCode();
                    if (chain.contains(code)) {
                        chain.add(code);
                        report.error(entry.rows.get(Field.PARENT), columns.name(Field.PARENT),
                                Messages.bind(Messages.parentCycle, String.join(" → ", chain)));
                        break;
                    }
                    chain.add(code);
                    Entry again = code == null ? null : entries.get(code);
                    if (again != null) {
                        next = again.parent;
                    } else {
                        next = next instanceof Organisation o ? o.getParent() : null;
                    }
                    if (chain.size() > entries.size() + organisations.size() + 1) {
                        break;
                    }
                }
            }
        }

        /** Counts what will be created and updated; an existing organisation only when something differs. */
        private void count() {
            for (Entry entry : entries.values()) {
                if (entry.existing == null) {
                    entry.changes = true;
                    report.created(Messages.classOrganisations);
                } else {
                    entry.changes = differs(entry);
                    if (entry.changes) {
                        report.updated(Messages.classOrganisations);
                    }
                }
            }
            newClusters.values().forEach(c -> report.created(Messages.classClusters));
            newPersons.values().forEach(p -> report.created(Messages.classPersons));
        }

        private boolean differs(Entry entry) {
            Organisation o = entry.existing;
            for (Map.Entry<Field, Object> value : entry.values.entrySet()) {
                Object now = switch (value.getKey()) {
                case NAME -> o.getName();
                case SHORT_NAME -> o.getShortName();
                case KIND -> o.getKind();
                case CLUSTER -> o.getCluster();
                case TERRITORY -> o.getTerritory();
                case STUDENTS -> o.getStudentCount();
                case TEACHERS -> o.getTeacherCount();
                case HEAD -> o.getHead();
                case WEBSITE -> o.getWebsite();
                case ADDRESS -> o.getAddress();
                case PARENT -> o.getParent();
                default -> null;
                };
                Object wanted = value.getKey() != Field.PARENT ? value.getValue()
                        : entry.parent instanceof Entry e && e.existing != null ? e.existing : entry.parent;
                if (value.getKey() == Field.KIND && o.getKind() == OrganisationKind.AUTHORITY && !o.eIsSet(
                        oko.model.OkoPackage.Literals.ORGANISATION__KIND)) {
                    now = null; // the default kind, never set
                }
                if (!same(now, wanted)) {
                    return true;
                }
            }
            for (Value value : entry.attributes.values()) {
                AttributeValue now = find(o, value.definition(), value.period());
                if (now == null || !same(current(now), value.value())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<EObject> apply() {
            if (report.hasErrors()) {
                throw new IllegalStateException(Messages.bind(Messages.notWithErrors, report.file()));
            }
            if (applied) {
                throw new IllegalStateException(Messages.bind(Messages.appliedTwice, report.file()));
            }
            applied = true;
            OkoFactory factory = OkoFactory.eINSTANCE;
            Map<NewCluster, Cluster> clustersMade = new HashMap<>();
            for (NewCluster wanted : newClusters.values()) {
                Cluster cluster = factory.createCluster();
                cluster.setCode(wanted.name());
                cluster.setName(wanted.name());
                root.getClusters().add(cluster);
                clustersMade.put(wanted, cluster);
            }
            Map<NewPerson, Person> personsMade = new HashMap<>();
            for (NewPerson wanted : newPersons.values()) {
                Person person = factory.createPerson();
                setName(person, wanted.name());
                root.getPersons().add(person);
                personsMade.put(wanted, person);
            }
            List<EObject> touched = new ArrayList<>();
            List<Organisation> created = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (entry.existing == null) {
                    Organisation organisation = factory.createOrganisation();
                    organisation.setCode(entry.code);
                    created.add(organisation);
                    entry.target = organisation;
                } else {
                    entry.target = entry.existing;
                }
            }
            root.getOrganisations().addAll(created);
            for (Entry entry : entries.values()) {
                if (!entry.changes) {
                    continue;
                }
                Organisation o = entry.target;
                touched.add(o);
                entry.values.forEach((field, value) -> {
                    switch (field) {
                    case NAME -> set(o.getName(), (String) value, o::setName);
                    case SHORT_NAME -> set(o.getShortName(), (String) value, o::setShortName);
                    case KIND -> {
                        if (!o.eIsSet(oko.model.OkoPackage.Literals.ORGANISATION__KIND) || o.getKind() != value) {
                            o.setKind((OrganisationKind) value);
                        }
                    }
                    case CLUSTER -> set(o.getCluster(),
                            value instanceof NewCluster n ? clustersMade.get(n) : (Cluster) value, o::setCluster);
                    case TERRITORY -> set(o.getTerritory(), (Territory) value, o::setTerritory);
                    case STUDENTS -> set(o.getStudentCount(), (Integer) value, o::setStudentCount);
                    case TEACHERS -> set(o.getTeacherCount(), (Integer) value, o::setTeacherCount);
                    case HEAD -> set(o.getHead(), value instanceof NewPerson n ? personsMade.get(n) : (Person) value,
                            o::setHead);
                    case WEBSITE -> set(o.getWebsite(), (String) value, o::setWebsite);
                    case ADDRESS -> set(o.getAddress(), (String) value, o::setAddress);
                    case PARENT -> set(o.getParent(),
                            entry.parent instanceof Entry e ? e.target : (Organisation) entry.parent, o::setParent);
                    default -> {
                    }
                    }
                });
                for (Value value : entry.attributes.values()) {
                    AttributeValue now = find(o, value.definition(), value.period());
                    if (now == null) {
                        now = factory.createAttributeValue();
                        now.setDefinition(value.definition());
                        now.setPeriod(value.period());
                        o.getAttributes().add(now);
                    } else if (same(current(now), value.value())) {
                        continue;
                    }
                    if (value.value() instanceof Boolean yes) {
                        now.setBooleanValue(yes);
                    } else if (value.value() instanceof Double number) {
                        now.setNumberValue(number);
                    } else {
                        now.setTextValue((String) value.value());
                    }
                }
            }
            return touched;
        }

        private List<Territory> territoryList() {
            List<Territory> all = new ArrayList<>();
            root.getTerritories().forEach(t -> collect(t, all));
            return all;
        }

        private static void collect(Territory territory, List<Territory> all) {
            all.add(territory);
            territory.getChildren().forEach(child -> collect(child, all));
        }
    }

    private static <T> void set(T now, T wanted, java.util.function.Consumer<T> setter) {
        if (!same(now, wanted)) {
            setter.accept(wanted);
        }
    }

    /** Whether a stored value is what the file says (texts compared with their spaces collapsed). */
    static boolean same(Object now, Object wanted) {
        return now instanceof String text && wanted instanceof String ? Cells.clean(text).equals(wanted)
                : Objects.equals(now, wanted);
    }

    /** The organisation's value of the attribute for the period (null: none), else null. */
    static AttributeValue find(Organisation organisation, AttributeDefinition definition, Period period) {
        for (AttributeValue value : organisation.getAttributes()) {
            if (value.getDefinition() == definition && value.getPeriod() == period) {
                return value;
            }
        }
        return null;
    }

    /** A stored value as the import reads it: Boolean, Double or String by the definition's type. */
    static Object current(AttributeValue value) {
        AttributeType type = value.getDefinition() == null || value.getDefinition().getType() == null
                ? AttributeType.BOOLEAN : value.getDefinition().getType();
        return switch (type) {
        case BOOLEAN -> value.isBooleanValue();
        case INTEGER, DECIMAL -> value.getNumberValue();
        default -> value.getTextValue();
        };
    }

    /** How a value is shown in a message. */
    static String text(Object value) {
        if (value instanceof org.eclipse.emf.ecore.EObject object) {
            if (object instanceof oko.model.CodedElement coded && coded.getCode() != null) {
                return coded.getCode();
            }
            if (object instanceof oko.model.NamedElement named) {
                return named.getName();
            }
        }
        if (value instanceof OrganisationKind kind) {
            return Kinds.name(kind);
        }
        if (value instanceof NewCluster cluster) {
            return cluster.name();
        }
        if (value instanceof NewPerson person) {
            return person.name();
        }
        return String.valueOf(value);
    }

    static String label(AttributeDefinition definition) {
        return definition.getName() != null && !definition.getName().isBlank() ? definition.getName()
                : definition.getCode();
    }

    private static String codes(List<? extends oko.model.CodedElement> objects) {
        return String.join(", ", objects.stream().map(o -> o.getCode() + " (" + o.getName() + ")").toList());
    }

    private static String names(List<? extends oko.model.CodedElement> objects) {
        List<String> names = objects.stream().limit(20).map(o -> o.getName() != null ? o.getName() : o.getCode()).toList();
        return names.isEmpty() ? "—" : String.join(", ", names) + (objects.size() > 20 ? ", …" : "");
    }

    /** A person's full name: the name, else the surname, first name and middle name. */
    static String fullName(Person person) {
        if (person.getName() != null && !person.getName().isBlank()) {
            return person.getName();
        }
        return String.join(" ", java.util.stream.Stream.of(person.getLastName(), person.getFirstName(),
                person.getMiddleName()).filter(s -> s != null && !s.isBlank()).toList());
    }

    /** "фамилия и.о." of a person (from the parts, else the name), null without a surname and first name. */
    static String initials(Person person) {
        String last = person.getLastName();
        String first = person.getFirstName();
        String middle = person.getMiddleName();
        if (last == null || last.isBlank() || first == null || first.isBlank()) {
            String[] words = Cells.clean(fullName(person)).split(" ");
            if (words.length < 2) {
                return null;
            }
            last = words[0];
            first = words[1];
            middle = words.length > 2 ? words[2] : null;
        }
        return Cells.nameKey(last + " " + first.charAt(0) + "." + (middle == null || middle.isBlank() ? ""
                : middle.charAt(0) + "."));
    }

    /** "фамилия и.о." of a name written as "Фамилия И.О." or "Фамилия И. О.", else null. */
    static String initialsOf(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\p{L}[\\p{L}-]*)\\s+(\\p{L})\\.\\s*(?:(\\p{L})\\.)?").matcher(Cells.clean(name));
        if (!m.matches()) {
            return null;
        }
        return Cells.nameKey(m.group(1) + " " + m.group(2) + "." + (m.group(3) == null ? "" : m.group(3) + "."));
    }

    /** Sets a new person's name and, from its words, surname, first name and middle name. */
    static void setName(Person person, String name) {
        person.setName(name);
        String[] words = name.split(" ");
        java.util.regex.Matcher initials = java.util.regex.Pattern
                .compile("(\\p{L}[\\p{L}-]*)\\s+(\\p{L}\\.)\\s*(\\p{L}\\.)?").matcher(name);
        if (initials.matches()) {
            person.setLastName(initials.group(1));
            person.setFirstName(initials.group(2));
            person.setMiddleName(initials.group(3));
        } else if (words.length >= 2 && words.length <= 3) {
            person.setLastName(words[0]);
            person.setFirstName(words[1]);
            person.setMiddleName(words.length == 3 ? words[2] : null);
        }
    }

    // ---- export ----

    @Override
    public void write(QualitySystem system, Path file) throws IOException {
        ModelRoot root = model(system);
        List<AttributeDefinition> definitions = root.getAttributeDefinitions();
        boolean periodic = root.getOrganisations().stream()
                .anyMatch(o -> o.getAttributes().stream().anyMatch(v -> v.getPeriod() != null));
        List<String> header = new ArrayList<>();
        for (Field field : Field.values()) {
            if (field != Field.PERIOD || periodic) {
                header.add(HEADER.get(field));
            }
        }
        Set<String> headers = new java.util.HashSet<>();
        header.forEach(h -> headers.add(Cells.key(h)));
        for (AttributeDefinition definition : definitions) {
            // the name, unless another column already has it: then the code
            String name = label(definition);
            header.add(headers.add(Cells.key(name)) ? name : definition.getCode());
        }
        Index<Cluster> clusters = new Index<>();
        root.getClusters().forEach(c -> clusters.add(c, c.getCode(), c.getName()));
        Index<Territory> territories = new Index<>();
        root.getTerritories().forEach(t -> addTerritories(territories, t));
        try (XlsxWriter writer = new XlsxWriter(Messages.organisationsSheet, header)) {
            for (Organisation o : root.getOrganisations()) {
                List<Period> rowPeriods = new ArrayList<>();
                boolean timeless = o.getAttributes().isEmpty() || o.getAttributes().stream().anyMatch(v -> v.getPeriod() == null);
                if (timeless) {
                    rowPeriods.add(null);
                }
                for (Period period : root.getPeriods()) {
                    if (o.getAttributes().stream().anyMatch(v -> v.getPeriod() == period)) {
                        rowPeriods.add(period);
                    }
                }
                for (Period period : rowPeriods) {
                    List<Object> cells = new ArrayList<>();
                    cells.add(o.getCode());
                    cells.add(o.getName());
                    cells.add(o.getShortName());
                    cells.add(o.eIsSet(oko.model.OkoPackage.Literals.ORGANISATION__KIND) ? Kinds.name(o.getKind()) : null);
                    cells.add(o.getCluster() == null ? null : reference(clusters, o.getCluster(), o.getCluster().getCode(),
                            o.getCluster().getName()));
                    cells.add(o.getTerritory() == null ? null : reference(territories, o.getTerritory(),
                            o.getTerritory().getCode(), o.getTerritory().getName()));
                    cells.add(o.getParent() == null ? null : o.getParent().getCode());
                    cells.add(o.getStudentCount());
                    cells.add(o.getTeacherCount());
                    cells.add(o.getHead() == null ? null : fullName(o.getHead()));
                    cells.add(o.getWebsite());
                    cells.add(o.getAddress());
                    if (periodic) {
                        cells.add(period == null ? null : period.getCode());
                    }
                    for (AttributeDefinition definition : definitions) {
                        AttributeValue value = find(o, definition, period);
                        cells.add(value == null ? null : current(value));
                    }
                    writer.row(cells);
                }
            }
            writer.write(file);
        }
    }

    private static void addTerritories(Index<Territory> index, Territory territory) {
        index.add(territory, territory.getCode(), territory.getName());
        territory.getChildren().forEach(child -> addTerritories(index, child));
    }

    /** The name when it finds the object again, else the code. */
    static <T> String reference(Index<T> index, T object, String code, String name) {
        return name != null && !name.isBlank() && index.one(name) == object ? name : code;
    }
}
