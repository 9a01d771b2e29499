package oko.core.internal.fixes;

import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.osgi.util.NLS;

import oko.core.fixes.AbstractQuickFix;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.DocumentStatus;
import oko.model.Measure;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;

/**
 * OKO-FIX-EFFECTIVENESS: creates the analysis of the effectiveness of the period's measures (gap
 * OKO-EV-6.2 on the direction, its stage «Анализ эффективности принятых мер», or a measure of the
 * direction without its effectiveness): an analytical report (draft) in the system's documents, of the
 * period, named «Анализ эффективности принятых мер: <direction>, <period>», listed among the documents
 * of the direction's EFFECTIVENESS stage. One document per direction however many of its gaps are
 * selected; none when the stage already lists an analytical report of the period.
 */
public final class CreateEffectivenessAnalysisFix extends AbstractQuickFix<EObject> {

    public CreateEffectivenessAnalysisFix() {
        super("OKO-FIX-EFFECTIVENESS", EObject.class, "OKO-EV-6.2");
    }

    @Override
    public String label() {
        return Messages.fix_EFFECTIVENESS;
    }

    @Override
    protected boolean applicable(EObject target) {
        return (target instanceof Direction || target instanceof CycleStage || target instanceof Measure)
                && Fixes.stageOf(target, StageKind.EFFECTIVENESS) != null
                && Fixes.system(Fixes.stageOf(target, StageKind.EFFECTIVENESS)) != null;
    }

    @Override
    protected void append(EditingDomain domain, EObject target, Context context, CompoundCommand command,
            Set<Object> state) {
        CycleStage stage = Fixes.stageOf(target, StageKind.EFFECTIVENESS);
        Period period = Fixes.period(context, target);
        if (!state.add(stage) || stage.getDocuments().stream().anyMatch(d -> d.getKind() == DocumentKind.ANALYTICAL_REPORT
                && (period == null || d.getPeriods().contains(period)))) {
            return;
        }
        Direction direction = (Direction) stage.eContainer();
        QualitySystem system = Fixes.system(stage);
        Document document = OkoFactory.eINSTANCE.createDocument();
        document.setKind(DocumentKind.ANALYTICAL_REPORT);
        document.setStatus(DocumentStatus.DRAFT);
        String name = Fixes.blank(direction.getName()) ? Fixes.text(direction.getCode()) : direction.getName().strip();
        document.setName(period == null ? NLS.bind(Messages.fix_EFFECTIVENESS_name, name)
                : NLS.bind(Messages.fix_EFFECTIVENESS_namePeriod, name, Fixes.label(period)));
        if (period != null) {
            document.getPeriods().add(period);
        }
        command.append(AddCommand.create(domain, system, OkoPackage.Literals.QUALITY_SYSTEM__DOCUMENTS, document));
        command.append(AddCommand.create(domain, stage, OkoPackage.Literals.CYCLE_STAGE__DOCUMENTS, document));
    }
}
