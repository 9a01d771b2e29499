package oko.repository.tests;

import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;

import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.repository.OkoRepository;

/** A model with one monitoring and some periods, and large runs of raw values added to it (concurrency and crash tests). */
final class MonitoringStore {

    static final String MODEL = "monitoring";

    private MonitoringStore() {
    }

    /** A model with one system, one monitoring and {@code periods} periods p0, p1, …; committed. */
    static void create(OkoRepository repository, int periods) {
        CDOTransaction transaction = repository.openTransaction();
        ModelRoot model = OkoRepository.newModel(transaction, MODEL, "Мониторинг");
        for (int i = 0; i < periods; i++) {
            Period period = OkoFactory.eINSTANCE.createPeriod();
            period.setCode("p" + i);
            period.setName("Период " + i);
            model.getPeriods().add(period);
        }
        QualitySystem system = OkoFactory.eINSTANCE.createQualitySystem();
        system.setCode("system");
        system.setName("Система");
        model.getQualitySystems().add(system);
        Monitoring monitoring = OkoFactory.eINSTANCE.createMonitoring();
        monitoring.setCode("monitoring");
        monitoring.setName("Мониторинг");
        system.getMonitorings().add(monitoring);
        repository.commit(transaction, "модель мониторинга", new org.eclipse.core.runtime.NullProgressMonitor());
        transaction.close();
    }

    static ModelRoot model(CDOView view) {
        return OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                .filter(m -> "Мониторинг".equals(m.getName())).findFirst().orElseThrow();
    }

    static Monitoring monitoring(CDOView view) {
        return model(view).getQualitySystems().get(0).getMonitorings().get(0);
    }

    /** Adds a run of period {@code code} named {@code name} with {@code values} raw values (not committed). */
    static MonitoringRun addRun(CDOTransaction transaction, String code, String name, int values) {
        Period period = model(transaction).getPeriods().stream().filter(p -> code.equals(p.getCode())).findFirst()
                .orElseThrow();
        MonitoringRun run = OkoFactory.eINSTANCE.createMonitoringRun();
        run.setName(name);
        run.setPeriod(period);
        for (int i = 0; i < values; i++) {
            RawValue value = OkoFactory.eINSTANCE.createRawValue();
            value.setCode("m" + (i % 50));
            value.setValue(i);
            run.getRawValues().add(value);
        }
        monitoring(transaction).getRuns().add(run);
        return run;
    }

    /** Adds a run as {@link #addRun} does and commits it in a transaction of its own. */
    static void commitRun(OkoRepository repository, String code, String name, int values) {
        CDOTransaction transaction = repository.openTransaction();
        try {
            addRun(transaction, code, name, values);
            repository.commit(transaction, name, new org.eclipse.core.runtime.NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }

    /** How many raw values the run of that name holds (-1: no such run). */
    static int values(CDOView view, String name) {
        return monitoring(view).getRuns().stream().filter(r -> name.equals(r.getName())).findFirst()
                .map(r -> r.getRawValues().size()).orElse(-1);
    }
}
