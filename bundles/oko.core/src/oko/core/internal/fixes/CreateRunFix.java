package oko.core.internal.fixes;

import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.osgi.util.NLS;

import oko.core.fixes.AbstractQuickFix;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.Period;
import oko.model.RunStatus;

/**
 * OKO-FIX-MONITORING-RUN: creates the run of a monitoring for the period (gap OKO-EV-3.3, «no run of the
 * period», on the direction's monitoring): status «planned», named «<monitoring>: <period>». The period
 * is the cycle's (the dashboard's); without one, the model's current period (see
 * {@link Fixes#period(org.eclipse.emf.ecore.EObject, java.time.LocalDate)}). A monitoring that already
 * has a run of that period, or no period at all, is left as it is.
 */
public final class CreateRunFix extends AbstractQuickFix<Monitoring> {

    public CreateRunFix() {
        super("OKO-FIX-MONITORING-RUN", Monitoring.class, "OKO-EV-3.3");
    }

    @Override
    public String label() {
        return Messages.fix_MONITORING_RUN;
    }

    @Override
    protected boolean applicable(Monitoring monitoring) {
        return true;
    }

    @Override
    protected void append(EditingDomain domain, Monitoring monitoring, Context context, CompoundCommand command,
            Set<Object> state) {
        Period period = Fixes.period(context, monitoring);
        if (period == null || monitoring.getRuns().stream().anyMatch(run -> run.getPeriod() == period)) {
            return;
        }
        MonitoringRun run = OkoFactory.eINSTANCE.createMonitoringRun();
        run.setPeriod(period);
        run.setStatus(RunStatus.PLANNED);
        run.setName(NLS.bind(Messages.fix_MONITORING_RUN_name, Fixes.text(monitoring.getName()), Fixes.label(period)));
        command.append(AddCommand.create(domain, monitoring, OkoPackage.Literals.MONITORING__RUNS, run));
    }
}
