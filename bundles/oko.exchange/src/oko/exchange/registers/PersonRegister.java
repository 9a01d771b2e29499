package oko.exchange.registers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Person;
import oko.model.Position;
import oko.model.QualitySystem;
import oko.model.Role;

/**
 * The register of people as CSV or XLSX: one row per person and position — full name (or surname,
 * first name, middle name), position, organisation (code, short or full name), e-mail, phone and
 * the person's roles in the system (names or codes of the system's roles, separated by ";" or ",").
 * <p>
 * A person is matched by full name and organisation: one of that name with a position in the
 * organisation, else the only person of that name (who then gets a position there), else a new
 * person; several of that name and none in the organisation is an error. The position in the
 * organisation is added or its title updated; e-mail and phone set when given; the person becomes
 * a holder of the roles given (never removed from one). An empty cell changes nothing.
 */
public final class PersonRegister extends Register {

    /** The id on the command line and in the workbench. */
    public static final String ID = "persons";

    enum Field {
        FULL_NAME, LAST_NAME, FIRST_NAME, MIDDLE_NAME, POSITION, ORGANISATION, EMAIL, PHONE, ROLES
    }

    static final Map<Field, List<String>> NAMES = new EnumMap<>(Field.class);

    static {
        NAMES.put(Field.FULL_NAME, List.of("ФИО", "фамилия имя отчество", "full name", "name", "person", "сотрудник"));
        NAMES.put(Field.LAST_NAME, List.of("Фамилия", "last name", "surname", "family name"));
        NAMES.put(Field.FIRST_NAME, List.of("Имя", "first name", "given name"));
        NAMES.put(Field.MIDDLE_NAME, List.of("Отчество", "middle name", "patronymic"));
        NAMES.put(Field.POSITION, List.of("Должность", "position", "job title", "title"));
        NAMES.put(Field.ORGANISATION, List.of("Организация", "код организации", "место работы", "организация код",
                "organisation", "organization", "organisation code", "organization code"));
        NAMES.put(Field.EMAIL, List.of("E-mail", "email", "электронная почта", "эл почта", "почта", "mail"));
        NAMES.put(Field.PHONE, List.of("Телефон", "тел", "phone", "telephone"));
        NAMES.put(Field.ROLES, List.of("Роли", "роль", "роли в системе", "роль в системе", "roles", "role"));
    }

    /** The header the export writes. */
    static final List<String> HEADER = List.of("ФИО", "Должность", "Организация", "E-mail", "Телефон", "Роли");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return Messages.personsLabel;
    }

    @Override
    Prepared check(QualitySystem system, TabularFile table, ImportSettings settings, ImportReport report) {
        Plan plan = new Plan(system, OrganisationRegister.model(system), table, report);
        plan.check();
        return plan;
    }

    /** A person of the file: an existing one or one to create (by name), with what the rows add. */
    static final class Entry {
        final String name;
        final int row;
        Person existing;
        Person target;
        String lastName, firstName, middleName;
        String email, phone;
        /** Per organisation (null: none), the title of the position (null: none given). */
        final Map<Organisation, String> positions = new LinkedHashMap<>();
        final Set<Role> roles = new LinkedHashSet<>();
        boolean changes;

        Entry(String name, int row) {
            this.name = name;
            this.row = row;
        }
    }

    static final class Plan implements Prepared {
        private final QualitySystem system;
        private final ModelRoot root;
        private final TabularFile table;
        private final ImportReport report;
        private Columns<Field> columns;
        private final Index<Organisation> organisations = new Index<>();
        private final Index<Role> roles = new Index<>();
        private final Map<String, List<Person>> persons = new HashMap<>();
        /** Entries of existing persons by person, of new persons by name key. */
        private final Map<Object, Entry> entries = new LinkedHashMap<>();
        /** The row that gave each (person or name key, organisation) pair. */
        private final Map<List<Object>, Integer> seen = new HashMap<>();
        private final Set<Role> changedRoles = new LinkedHashSet<>();
        private boolean applied;

        Plan(QualitySystem system, ModelRoot root, TabularFile table, ImportReport report) {
            this.system = system;
            this.root = root;
            this.table = table;
            this.report = report;
        }

        @Override
        public ImportReport report() {
            return report;
        }

        void check() {
            report.header(table.header());
            table.rows().forEach(r -> report.previewRow(r.cells()));
            for (Organisation o : root.getOrganisations()) {
                organisations.add(o, o.getCode(), o.getShortName(), o.getName());
            }
            for (Role role : system.getRoles()) {
                roles.add(role, role.getCode(), role.getName());
            }
            for (Person person : root.getPersons()) {
                persons.computeIfAbsent(Cells.nameKey(OrganisationRegister.fullName(person)), k -> new ArrayList<>())
                        .add(person);
            }
            columns = Columns.find(table, NAMES, report);
            if (!columns.has(Field.FULL_NAME) && !columns.has(Field.LAST_NAME)) {
                report.error(table.header().isEmpty() ? 0 : table.headerRow(), null, Messages.noNameColumn);
                return;
            }
            if (!columns.unmatched().isEmpty()) {
                List<String> unknown = columns.unmatched().stream().map(table::columnName).toList();
                report.note(table.headerRow(), null, Messages.bind(Messages.unknownColumns,
                        "«" + String.join("», «", unknown) + "»", String.join(", ", HEADER)));
            }
            for (TabularFile.Row row : table.rows()) {
                readRow(row);
            }
            if (!report.hasErrors()) {
                count();
            }
        }

        private String cell(TabularFile.Row row, Field field) {
            return Cells.clean(row.get(columns.index(field)));
        }

        private void readRow(TabularFile.Row row) {
            int line = row.number();
            String last = cell(row, Field.LAST_NAME);
            String first = cell(row, Field.FIRST_NAME);
            String middle = cell(row, Field.MIDDLE_NAME);
            String name = cell(row, Field.FULL_NAME);
            if (name.isEmpty()) {
                name = String.join(" ", java.util.stream.Stream.of(last, first, middle).filter(s -> !s.isEmpty()).toList());
            }
            if (name.isEmpty()) {
                report.error(line, columns.has(Field.FULL_NAME) ? columns.name(Field.FULL_NAME)
                        : columns.name(Field.LAST_NAME), Messages.noPersonName);
                return;
            }
            boolean bad = false;
            Organisation organisation = null;
            String organisationText = cell(row, Field.ORGANISATION);
            if (!organisationText.isEmpty()) {
                List<Organisation> found = organisations.find(organisationText);
                if (found.size() != 1) {
                    report.error(line, columns.name(Field.ORGANISATION), found.isEmpty()
                            ? Messages.bind(Messages.unknownOrganisation, organisationText)
                            : Messages.bind(Messages.ambiguousOrganisation, organisationText, String.join(", ",
                                    found.stream().map(Organisation::getCode).toList())));
                    bad = true;
                } else {
                    organisation = found.get(0);
                }
            }
            String email = cell(row, Field.EMAIL);
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                report.error(line, columns.name(Field.EMAIL), Messages.bind(Messages.notEmail, email));
                bad = true;
            }
            List<Role> held = new ArrayList<>();
            String roleText = cell(row, Field.ROLES);
            if (!roleText.isEmpty()) {
                for (String part : split(roleText)) {
                    List<Role> found = roles.find(part);
                    if (found.size() == 1) {
                        held.add(found.get(0));
                    } else {
                        report.error(line, columns.name(Field.ROLES), found.isEmpty()
                                ? Messages.bind(Messages.unknownRole, new Object[] { part, system.getCode(), roleList() })
                                : Messages.bind(Messages.ambiguousRole, part, String.join(", ",
                                        found.stream().map(Role::getCode).toList())));
                        bad = true;
                    }
                }
            }
            if (bad) {
                return;
            }
            Object person = match(name, organisation, line);
            if (person == null) {
                return;
            }
            List<Object> pair = java.util.Arrays.asList(person, organisation);
            Integer before = seen.putIfAbsent(pair, line);
            if (before != null) {
                report.error(line, columns.has(Field.FULL_NAME) ? columns.name(Field.FULL_NAME)
                        : columns.name(Field.LAST_NAME), Messages.bind(Messages.duplicatePerson, new Object[] { name,
                                organisation == null ? "—" : organisation.getCode(), before }));
                return;
            }
            final String fullName = name;
            Entry entry = entries.computeIfAbsent(person, p -> new Entry(fullName, line));
            if (person instanceof Person existing) {
                entry.existing = existing;
            } else if (!last.isEmpty()) {
                entry.lastName = last;
                entry.firstName = first.isEmpty() ? null : first;
                entry.middleName = middle.isEmpty() ? null : middle;
            }
            String title = cell(row, Field.POSITION);
            if (organisation != null || !title.isEmpty()) {
                entry.positions.put(organisation, title.isEmpty() ? null : title);
            }
            if (!email.isEmpty()) {
                entry.email = email;
            }
            String phone = cell(row, Field.PHONE);
            if (!phone.isEmpty()) {
                entry.phone = phone;
            }
            entry.roles.addAll(held);
        }

        /** Several roles separated by ";" (or ","), unless the whole text names one role. */
        private List<String> split(String text) {
            if (roles.find(text).size() == 1) {
                return List.of(text);
            }
            String separator = text.contains(";") ? ";" : ",";
            return java.util.Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private String roleList() {
            List<String> names = system.getRoles().stream().limit(15)
                    .map(r -> r.getName() != null ? r.getName() : r.getCode()).toList();
            return names.isEmpty() ? "—" : String.join("; ", names) + (system.getRoles().size() > 15 ? "; …" : "");
        }

        /**
         * The person a row means: an existing Person, or the name key of a person to create; null
         * after an error.
         */
        private Object match(String name, Organisation organisation, int line) {
            String key = Cells.nameKey(name);
            List<Person> found = persons.getOrDefault(key, List.of());
            if (organisation != null && found.size() > 1) {
                List<Person> here = found.stream().filter(p -> p.getPositions().stream()
                        .anyMatch(position -> position.getOrganisation() == organisation)).toList();
                if (!here.isEmpty()) {
                    found = here;
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                report.error(line, columns.has(Field.FULL_NAME) ? columns.name(Field.FULL_NAME)
                        : columns.name(Field.LAST_NAME), Messages.bind(Messages.ambiguousPerson, name, found.size()));
                return null;
            }
            return key;
        }

        private void count() {
            for (Entry entry : entries.values()) {
                if (entry.existing == null) {
                    entry.changes = true;
                    report.created(Messages.classPersons);
                } else if (differs(entry)) {
                    entry.changes = true;
                    report.updated(Messages.classPersons);
                }
                for (Role role : entry.roles) {
                    if (entry.existing == null || !role.getHolders().contains(entry.existing)) {
                        changedRoles.add(role);
                    }
                }
            }
            changedRoles.forEach(r -> report.updated(Messages.classRoles));
        }

        private boolean differs(Entry entry) {
            Person p = entry.existing;
            if (entry.email != null && !OrganisationRegister.same(p.getEmail(), entry.email)
                    || entry.phone != null && !OrganisationRegister.same(p.getPhone(), entry.phone)) {
                return true;
            }
            for (Map.Entry<Organisation, String> wanted : entry.positions.entrySet()) {
                Position now = position(p, wanted.getKey(), wanted.getValue());
                if (now == null || wanted.getValue() != null && !OrganisationRegister.same(now.getTitle(), wanted.getValue())) {
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
            List<EObject> touched = new ArrayList<>();
            List<Person> created = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (entry.existing != null) {
                    entry.target = entry.existing;
                    continue;
                }
                Person person = factory.createPerson();
                if (entry.lastName != null) {
                    person.setName(entry.name);
                    person.setLastName(entry.lastName);
                    person.setFirstName(entry.firstName);
                    person.setMiddleName(entry.middleName);
                } else {
                    OrganisationRegister.setName(person, entry.name);
                }
                entry.target = person;
                created.add(person);
            }
            root.getPersons().addAll(created);
            for (Entry entry : entries.values()) {
                Person p = entry.target;
                if (entry.changes) {
                    touched.add(p);
                    if (entry.email != null && !OrganisationRegister.same(p.getEmail(), entry.email)) {
                        p.setEmail(entry.email);
                    }
                    if (entry.phone != null && !OrganisationRegister.same(p.getPhone(), entry.phone)) {
                        p.setPhone(entry.phone);
                    }
                    entry.positions.forEach((organisation, title) -> {
                        Position now = position(p, organisation, title);
                        if (now == null) {
                            now = factory.createPosition();
                            now.setOrganisation(organisation);
                            now.setTitle(title);
                            now.setMain(p.getPositions().isEmpty());
                            p.getPositions().add(now);
                        } else if (title != null && !OrganisationRegister.same(now.getTitle(), title)) {
                            now.setTitle(title);
                        }
                    });
                }
                for (Role role : entry.roles) {
                    if (!role.getHolders().contains(p)) {
                        role.getHolders().add(p);
                    }
                }
            }
            return touched;
        }
    }

    /**
     * The person's position in the organisation (null: a position without one): the one of that
     * title when there are several, else the first.
     */
    static Position position(Person person, Organisation organisation, String title) {
        Position first = null;
        for (Position position : person.getPositions()) {
            if (position.getOrganisation() == organisation) {
                if (title == null || OrganisationRegister.same(position.getTitle(), title)) {
                    return position;
                }
                if (first == null) {
                    first = position;
                }
            }
        }
        return first;
    }

    // ---- export ----

    @Override
    public void write(QualitySystem system, Path file) throws IOException {
        ModelRoot root = OrganisationRegister.model(system);
        Index<Role> roleIndex = new Index<>();
        system.getRoles().forEach(r -> roleIndex.add(r, r.getCode(), r.getName()));
        Index<Organisation> organisationIndex = new Index<>();
        root.getOrganisations().forEach(o -> organisationIndex.add(o, o.getCode(), o.getShortName(), o.getName()));
        Map<Person, List<String>> held = new HashMap<>();
        for (Role role : system.getRoles()) {
            String name = OrganisationRegister.reference(roleIndex, role, role.getCode(), role.getName());
            role.getHolders().forEach(p -> held.computeIfAbsent(p, k -> new ArrayList<>()).add(name));
        }
        try (XlsxWriter writer = new XlsxWriter(Messages.personsSheet, HEADER)) {
            for (Person person : root.getPersons()) {
                String roles = String.join("; ", held.getOrDefault(person, List.of()));
                List<Position> positions = new ArrayList<>(person.getPositions());
                if (positions.isEmpty()) {
                    positions.add(null);
                }
                for (Position position : positions) {
                    Organisation o = position == null ? null : position.getOrganisation();
                    writer.row(java.util.Arrays.asList(OrganisationRegister.fullName(person),
                            position == null ? null : position.getTitle(),
                            o == null ? null : o.getCode() != null ? o.getCode()
                                    : OrganisationRegister.reference(organisationIndex, o, null,
                                            o.getShortName() != null ? o.getShortName() : o.getName()),
                            person.getEmail(), person.getPhone(), roles));
                }
            }
            writer.write(file);
        }
    }
}
