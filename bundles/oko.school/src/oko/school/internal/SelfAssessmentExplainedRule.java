package oko.school.internal;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import oko.core.validation.ModelRule;
import oko.model.IndicatorValue;
import oko.model.MonitoringRun;
import oko.school.SelfAssessment;

/**
 * OKO-SCH-02: a school that assesses itself on an indicator explains its assessment (the comment
 * of its value): the self-assessment's report is the school's analysis, not a column of numbers.
 */
public final class SelfAssessmentExplainedRule implements ModelRule {

    @Override
    public List<String> check(EObject object) {
        if (object instanceof IndicatorValue value && !value.isNoValue() && SelfAssessment.isSelfAssessment(value)
                && (value.getComment() == null || value.getComment().isBlank())) {
            MonitoringRun run = (MonitoringRun) value.eContainer();
            return List.of(NLS.bind(Messages.selfAssessmentUnexplained,
                    value.getIndicator() == null ? "?" : value.getIndicator().getCode(), run.getName()));
        }
        return List.of();
    }
}
