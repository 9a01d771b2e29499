package oko.monitoring.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import oko.model.DataElement;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.ValueKind;

/**
 * A model in memory to import raw values into: a root with one quality system, the period and one
 * monitoring, and the organisations and measures (data elements) its user adds. Shared by the
 * import tests of oko.monitoring.tests and the import benchmark, which also share the large case:
 * {@link #large} schools S0… × measures x0… and {@link #writeLargeCsv} their values.
 */
public final class ImportFixture {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    public final ModelRoot root = F.createModelRoot();
    public final QualitySystem system = F.createQualitySystem();
    public final Period period = F.createPeriod();
    public final Monitoring monitoring = F.createMonitoring();

    /** The model; {@code systemCode} may be null (a system without code). */
    public ImportFixture(String systemCode, String periodCode, String monitoringCode) {
        system.setCode(systemCode);
        root.getQualitySystems().add(system);
        period.setCode(periodCode);
        root.getPeriods().add(period);
        monitoring.setCode(monitoringCode);
        system.getMonitorings().add(monitoring);
    }

    /** A new organisation of the model. */
    public Organisation organisation(String code, OrganisationKind kind) {
        Organisation organisation = F.createOrganisation();
        organisation.setCode(code);
        organisation.setKind(kind);
        root.getOrganisations().add(organisation);
        return organisation;
    }

    /** A new school of the model. */
    public Organisation school(String code) {
        return organisation(code, OrganisationKind.SCHOOL);
    }

    /** A new measure of the system, of the default kind. */
    public DataElement element(String code) {
        DataElement element = F.createDataElement();
        element.setCode(code);
        system.getDataElements().add(element);
        return element;
    }

    /** A new measure of the system, of that kind. */
    public DataElement element(String code, ValueKind kind) {
        DataElement element = element(code);
        element.setValueKind(kind);
        return element;
    }

    /** A raw value of the school for the measure (its code and element both set), not yet in a run. */
    public static RawValue raw(Organisation school, DataElement element, double value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(school);
        raw.setCode(element.getCode());
        raw.setElement(element);
        raw.setValue(value);
        return raw;
    }

    /** The model of the large imports: schools S0…S{schools−1}, measures x0…x{measures−1}, period 2023, monitoring M. */
    public static ImportFixture large(String systemCode, int schools, int measures) {
        ImportFixture fixture = new ImportFixture(systemCode, "2023", "M");
        for (int s = 0; s < schools; s++) {
            fixture.school("S" + s);
        }
        for (int m = 0; m < measures; m++) {
            fixture.element("x" + m);
        }
        return fixture;
    }

    /**
     * The long-form CSV of {@link #large}'s model: "school;period;measure;value", a value per school
     * and measure, ({@code 7·s + m}) mod 100 plus a half, written with a decimal comma.
     */
    public static void writeLargeCsv(Path csv, int schools, int measures) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("school;period;measure;value\n");
            for (int s = 0; s < schools; s++) {
                for (int m = 0; m < measures; m++) {
                    out.write("S" + s + ";2023;x" + m + ";" + (s * 7 + m) % 100 + ",5\n");
                }
            }
        }
    }
}
