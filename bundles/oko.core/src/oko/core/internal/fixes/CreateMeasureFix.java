package oko.core.internal.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.core.fixes.AbstractQuickFix;
import oko.model.Measure;
import oko.model.MeasureKind;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.QualitySystem;
import oko.model.Recommendation;

/**
 * OKO-FIX-MEASURE: creates a measure for a recommendation no measure is based on (gap OKO-EV-5.6 on a
 * recommendation, and the dashboard's attention item RECOMMENDATION_WITHOUT_MEASURE): in the
 * recommendation's system, kind «мера», based on the recommendation, of its direction (its own, else its
 * rule's) and its period, named as the recommendation (its name, else its text), numbered after the
 * system's measures. Deadline, responsible and result are the methodologist's to give.
 */
public final class CreateMeasureFix extends AbstractQuickFix<Recommendation> {

    /** A measure this application made in a system, with its number. */
    private record Made(QualitySystem system, String number) {
    }

    public CreateMeasureFix() {
        super("OKO-FIX-MEASURE", Recommendation.class, "OKO-EV-5.6", "RECOMMENDATION_WITHOUT_MEASURE");
    }

    @Override
    public String label() {
        return Messages.fix_MEASURE;
    }

    @Override
    protected boolean applicable(Recommendation recommendation) {
        QualitySystem system = Fixes.system(recommendation);
        return system != null && system.getMeasures().stream().noneMatch(m -> m.getBasedOn().contains(recommendation));
    }

    @Override
    protected void append(EditingDomain domain, Recommendation recommendation, Context context,
            CompoundCommand command, Set<Object> state) {
        QualitySystem system = Fixes.system(recommendation);
        Measure measure = OkoFactory.eINSTANCE.createMeasure();
        measure.setKind(MeasureKind.MEASURE);
        measure.getBasedOn().add(recommendation);
        measure.setDirection(recommendation.getDirection() != null ? recommendation.getDirection()
                : recommendation.getRule() == null ? null : recommendation.getRule().getDirection());
        measure.setPeriod(recommendation.getPeriod());
        measure.setName(Fixes.blank(recommendation.getName()) ? Fixes.text(recommendation.getText())
                : recommendation.getName().strip());
        // numbered after the system's measures and those this application already made there
        List<String> numbers = new ArrayList<>(system.getMeasures().stream().map(Measure::getNumber).toList());
        state.stream().filter(Made.class::isInstance).map(Made.class::cast).filter(made -> made.system() == system)
                .forEach(made -> numbers.add(made.number()));
        measure.setNumber(Fixes.nextNumber(numbers));
        state.add(new Made(system, measure.getNumber()));
        command.append(AddCommand.create(domain, system, OkoPackage.Literals.QUALITY_SYSTEM__MEASURES, measure));
    }
}
