package oko.ui.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.ecore.EObject;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;

/**
 * A tiny register of schools for the tests' workbench ({@code code;full name;short name} CSV, one
 * new school a row), contributed by this bundle's plugin.xml so that the import wizard can be tested
 * where the real register of organisations is not installed.
 */
public final class TestOrganisations implements ModelImport {

    public static final String ID = "test-organisations";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Организации (тестовый реестр)";
    }

    @Override
    public Set<String> extensions() {
        return Set.of("csv");
    }

    @Override
    public Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        ImportReport report = new ImportReport(file.getFileName().toString());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(";", -1));
        report.header(header);
        int code = -1;
        int name = -1;
        int shortName = -1;
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip().toLowerCase(Locale.ROOT);
            if (h.equals("код") || h.equals("code")) {
                code = c;
            } else if (h.startsWith("полное") || h.equals("full name")) {
                name = c;
            } else if (h.startsWith("краткое") || h.equals("short name")) {
                shortName = c;
            }
        }
        ModelRoot root = (ModelRoot) system.eContainer();
        Set<String> codes = new HashSet<>();
        root.getOrganisations().forEach(o -> codes.add(o.getCode()));
        List<String[]> rows = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            if (lines.get(line - 1).isBlank()) {
                continue;
            }
            String[] cells = lines.get(line - 1).split(";", -1);
            report.previewRow(List.of(cells));
            String c = code < cells.length ? cells[code].strip() : "";
            if (c.isEmpty()) {
                report.error(line, header.get(code), "нет кода организации");
            } else if (!codes.add(c)) {
                report.error(line, header.get(code), "организация «" + c + "» уже есть");
            } else {
                rows.add(new String[] { c, name < 0 ? c : cells[name].strip(), shortName < 0 ? c : cells[shortName].strip() });
                report.created("Организация");
            }
        }
        return new Prepared() {
            @Override
            public ImportReport report() {
                return report;
            }

            @Override
            public List<EObject> apply() {
                List<EObject> created = new ArrayList<>();
                for (String[] row : rows) {
                    Organisation school = OkoFactory.eINSTANCE.createOrganisation();
                    school.setCode(row[0]);
                    school.setName(row[1]);
                    school.setShortName(row[2]);
                    school.setKind(OrganisationKind.SCHOOL);
                    root.getOrganisations().add(school);
                    created.add(school);
                }
                return created;
            }
        };
    }
}
