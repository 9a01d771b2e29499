package oko.school.internal;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import oko.core.validation.ModelRule;
import oko.model.Level;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;

/**
 * OKO-SCH-01: a school-level quality system (ВСОКО) belongs to one school: it must name it, and
 * the organisation named must be a school. The server's rights rely on it (a school administrator
 * changes the systems of their school).
 */
public final class SchoolBoundRule implements ModelRule {

    @Override
    public List<String> check(EObject object) {
        if (!(object instanceof QualitySystem system) || system.getLevel() != Level.SCHOOL) {
            return List.of();
        }
        if (system.getOrganisation() == null) {
            return List.of(NLS.bind(Messages.noSchool, ModelLabels.label(system)));
        }
        if (system.getOrganisation().getKind() != OrganisationKind.SCHOOL) {
            return List.of(NLS.bind(Messages.notASchool, ModelLabels.label(system),
                    ModelLabels.label(system.getOrganisation())));
        }
        return List.of();
    }
}
