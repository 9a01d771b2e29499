package oko.core.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.osgi.util.NLS;

import oko.model.edit.ModelLabels;
import oko.core.deadline.Deadlines;
import oko.core.meetings.MeetingRules;
import oko.core.formula.Aggregations;
import oko.core.formula.Expression;
import oko.core.formula.FormulaEvaluator;
import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
import oko.core.internal.Messages;
import oko.model.Activity;
import oko.model.CodedElement;
import oko.model.CycleStage;
import oko.model.DataElement;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentStatus;
import oko.model.Function;
import oko.model.Participation;
import oko.model.FunctionSection;
import oko.model.Indicator;
import oko.model.Decision;
import oko.model.Meeting;
import oko.model.MeetingStatus;
import oko.model.Membership;
import oko.model.Period;
import oko.model.OkoPackage;
import oko.model.QualitySystem;
import oko.model.AddresseeKind;
import oko.model.RecommendationRule;
import oko.core.formula.RuleValues;
import oko.model.RelativeDeadline;
import oko.model.IndicatorWeight;
import oko.model.RiskComparison;
import oko.model.RiskGroup;
import oko.model.RiskGroupKind;
import oko.model.StageKind;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;

/**
 * The Oko rules ({@link Rule}) on top of EMF's structural checks. Each diagnostic carries the
 * object as its first data element and the {@link Rule} as its second, so tools can show the
 * rule id and select the object.
 */
public class OkoValidator extends EObjectValidator {

    public static final String DIAGNOSTIC_SOURCE = "oko.core";

    /**
     * Context key for the day the rules that depend on the date (OKO-WG-05, OKO-WG-06) take as
     * today: a {@link LocalDate}; without it, the machine's current date.
     */
    public static final String TODAY = "oko.core.validation.today";

    @Override
    protected EPackage getEPackage() {
        return OkoPackage.eINSTANCE;
    }

    @Override
    public boolean validate(EClass eClass, EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean valid = super.validate(eClass, object, diagnostics, context);
        List<Finding> findings = new ArrayList<>();
        if (object instanceof Direction direction) {
            checkCycle(direction, findings);
        } else if (object instanceof CycleStage stage) {
            checkStage(stage, findings);
        } else if (object instanceof Function function) {
            checkFunction(function, findings);
        } else if (object instanceof Indicator indicator) {
            checkIndicator(indicator, findings);
        } else if (object instanceof WorkingGroup group) {
            checkWorkingGroup(group, findings);
            checkMeetingCount(group, findings, today(context));
        } else if (object instanceof Meeting meeting) {
            checkMeeting(meeting, findings, today(context));
        } else if (object instanceof Decision decision) {
            checkDecision(decision, findings);
        } else if (object instanceof Document document) {
            checkDocument(document, findings);
        } else if (object instanceof RecommendationRule rule) {
            checkRecommendationRule(rule, findings);
        } else if (object instanceof RiskGroup group) {
            checkRiskGroup(group, findings);
        }
        if (object instanceof Activity activity && activity.getDeadline() instanceof RelativeDeadline relative) {
            checkRelativeDeadline(activity, relative, findings);
        }
        if (object instanceof CodedElement coded) {
            checkUniqueCode(coded, findings, context);
        }
        for (ContributedRules.Contributed rule : ContributedRules.all()) {
            if (rule.covers(eClass)) {
                for (String message : rule.check(object)) {
                    valid &= rule.severity() != org.eclipse.emf.common.util.Diagnostic.ERROR;
                    if (diagnostics != null) {
                        diagnostics.add(new BasicDiagnostic(rule.severity(), DIAGNOSTIC_SOURCE, 0, message,
                                new Object[] { object, rule.id() }));
                    }
                }
            }
        }
        for (Finding finding : findings) {
            valid &= finding.rule.severity() != org.eclipse.emf.common.util.Diagnostic.ERROR;
            if (diagnostics != null) {
                Object[] arguments = new Object[finding.arguments.length + 1];
                arguments[0] = ModelLabels.label(object);
                System.arraycopy(finding.arguments, 0, arguments, 1, finding.arguments.length);
                diagnostics.add(new BasicDiagnostic(finding.rule.severity(), DIAGNOSTIC_SOURCE,
                        finding.rule.ordinal(), NLS.bind(finding.rule.template(), arguments),
                        new Object[] { object, finding.rule }));
            }
        }
        return valid;
    }

    private record Finding(Rule rule, Object[] arguments) {
    }

    /**
     * OKO-CODE-01: the first object of the same class with the same code in the same list of the
     * same container (two roles of one system, two organisations of one model), reported on the
     * later one, naming both. The first holder of each code per list is computed once per
     * validation run (kept in the context) and again without one.
     */
    private static void checkUniqueCode(CodedElement object, List<Finding> findings, Map<Object, Object> context) {
        String code = object.getCode();
        EObject container = object.eContainer();
        if (blank(code) || container == null || object.eContainmentFeature() == null
                || !object.eContainmentFeature().isMany()) {
            return;
        }
        List<?> siblings = (List<?>) container.eGet(object.eContainmentFeature());
        Map<String, EObject> first;
        Object key = new CodeScope(container, object.eContainmentFeature().getName());
        @SuppressWarnings("unchecked")
        Map<String, EObject> known = context == null ? null : (Map<String, EObject>) context.get(key);
        if (known != null) {
            first = known;
        } else {
            first = new java.util.HashMap<>();
            for (Object sibling : siblings) {
                if (sibling instanceof CodedElement other && !blank(other.getCode())) {
                    first.putIfAbsent(other.eClass().getName() + "\u0000" + other.getCode().strip(), other);
                }
            }
            if (context != null) {
                context.put(key, first);
            }
        }
        EObject holder = first.get(object.eClass().getName() + "\u0000" + code.strip());
        if (holder != null && holder != object) {
            report(findings, Rule.CODE_01, code.strip(), ModelLabels.label(holder));
        }
    }

    /** The key of one list's first code holders in the validation context. */
    private record CodeScope(EObject container, String feature) {
    }

    private static void report(List<Finding> findings, Rule rule, Object... arguments) {
        findings.add(new Finding(rule, arguments));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void checkCycle(Direction direction, List<Finding> findings) {
        if (direction.getStages().isEmpty()) {
            report(findings, Rule.CYCLE_03);
            return;
        }
        Set<StageKind> present = EnumSet.noneOf(StageKind.class);
        Set<StageKind> reported = EnumSet.noneOf(StageKind.class);
        for (CycleStage stage : direction.getStages()) {
            if (stage.getKind() != null && !present.add(stage.getKind()) && reported.add(stage.getKind())) {
                report(findings, Rule.CYCLE_04, stageName(stage.getKind()));
            }
        }
        for (StageKind kind : StageKind.VALUES) {
            if (!present.contains(kind)) {
                report(findings, Rule.CYCLE_01, stageName(kind));
            }
        }
    }

    private static String stageName(StageKind kind) {
        return oko.model.provider.OkoEditPlugin.INSTANCE.getString("_UI_StageKind_" + kind.getName() + "_literal");
    }

    private void checkStage(CycleStage stage, List<Finding> findings) {
        if (blank(stage.getCoordinatorDuty()) && blank(stage.getExecutorsDuty()) && blank(stage.getOperatorDuty())) {
            report(findings, Rule.CYCLE_02);
        }
    }

    private void checkFunction(Function function, List<Finding> findings) {
        boolean hasRole = !function.getResponsibleRoles().isEmpty();
        boolean hasDocument = !function.getDocuments().isEmpty();
        for (EObject container = function.eContainer(); container instanceof FunctionSection section;
                container = section.eContainer()) {
            hasRole |= !section.getResponsibleRoles().isEmpty();
            hasDocument |= !section.getDocuments().isEmpty();
        }
        if (!hasRole) {
            report(findings, Rule.FUNC_01);
        }
        if (!hasDocument) {
            report(findings, Rule.FUNC_02);
        }
        // a role both responsible and, say, accountable (R, A) is a RACI cell like any other: no rule
        for (Participation participation : function.getParticipations()) {
            if (participation.getRole() == null) {
                report(findings, Rule.FUNC_03, ModelLabels.literal(participation.getKind()),
                        blank(participation.getNote()) ? "" : " («" + participation.getNote().strip() + "»)");
            }
        }
    }

    private void checkIndicator(Indicator indicator, List<Finding> findings) {
        if (blank(indicator.getCriteria()) && blank(indicator.getFormula()) && !Aggregations.aggregated(indicator)) {
            report(findings, Rule.IND_01);
        }
        if (Aggregations.aggregated(indicator)) {
            checkAggregation(indicator, findings);
        }
        if (indicator.getInformationSystems().isEmpty() && blank(indicator.getSources())) {
            report(findings, Rule.IND_02);
        }
        if (indicator.getResponsibleRoles().isEmpty() && indicator.getResponsibleOrganisations().isEmpty()
                && blank(indicator.getResponsibleText())) {
            report(findings, Rule.IND_03);
        }
        if (blank(indicator.getFormula())) {
            return;
        }
        Expression expression;
        try {
            expression = FormulaParser.parse(indicator.getFormula());
        } catch (FormulaException e) {
            report(findings, Rule.IND_04, e.problem(), e.column(), indicator.getFormula());
            return;
        }
        Set<String> known = knownNames(indicator);
        Set<String> reported = new HashSet<>();
        for (Expression.Reference reference : FormulaEvaluator.references(expression)) {
            String key = (reference.indicator() ? "[" : "") + reference.name() + (reference.indicator() ? "]" : "");
            if (!known.contains(key) && reported.add(key)) {
                report(findings, Rule.IND_05, key, reference.column());
            }
        }
    }

    /** OKO-IND-06 and OKO-IND-07: an aggregated indicator can be computed from the level below as meant. */
    private void checkAggregation(Indicator indicator, List<Finding> findings) {
        QualitySystem system = Aggregations.systemOf(indicator);
        String code = indicator.getAggregatedCode();
        if (!blank(indicator.getFormula())) {
            report(findings, Rule.IND_07, NLS.bind(Messages.aggregationFormulaIgnored, indicator.getFormula()));
        }
        if (system != null && system.getOrganisation() == null) {
            report(findings, Rule.IND_06, NLS.bind(Messages.aggregationNoOrganisation, system.getCode()));
        }
        if (blank(code)) {
            report(findings, Rule.IND_06, Messages.aggregationNoCode);
            return;
        }
        if (system == null) {
            return;
        }
        boolean region = system.getLevel() == oko.model.Level.REGION;
        if (!region && code.strip().equals(indicator.getCode())) {
            report(findings, Rule.IND_06, Messages.aggregationSelf);
            return;
        }
        Indicator below = Aggregations.indicatorBelow(indicator);
        if (below == null) {
            List<QualitySystem> systemsBelow = Aggregations.systemsBelow(system);
            // a region none of whose municipal systems is attached yet is being set up, not wrong
            if (!region || !systemsBelow.isEmpty()) {
                report(findings, Rule.IND_06, NLS.bind(Messages.aggregationUnknownCode, code.strip(), region
                        ? NLS.bind(Messages.aggregationInSystemsBelow, systemsBelow.size())
                        : NLS.bind(Messages.aggregationInSystem, system.getCode())));
            }
            return;
        }
        if (Aggregations.usesThreshold(indicator.getAggregation()) && !Aggregations.canDecide(below)) {
            report(findings, Rule.IND_07, NLS.bind(Messages.aggregationNoThreshold, below.getCode()));
        }
    }

    /** Data element codes as they are, indicator codes in brackets, from the indicator's system. */
    private static Set<String> knownNames(Indicator indicator) {
        Set<String> names = new HashSet<>();
        EObject container = indicator.eContainer();
        while (container != null && !(container instanceof QualitySystem)) {
            container = container.eContainer();
        }
        if (container instanceof QualitySystem system) {
            for (DataElement element : system.getDataElements()) {
                names.add(element.getCode());
            }
            system.eAllContents().forEachRemaining(object -> {
                if (object instanceof Indicator other && other.getCode() != null) {
                    names.add("[" + other.getCode() + "]");
                }
            });
        }
        return names;
    }

    private void checkRelativeDeadline(Activity activity, RelativeDeadline relative, List<Finding> findings) {
        Activity reference = relative.getReference();
        if (reference == null) {
            if (blank(relative.getReferenceText())) {
                report(findings, Rule.PLAN_01, Messages.deadlineNoReference);
            }
            return;
        }
        if (reference.eIsProxy() || reference.eResource() == null
                && EcoreUtil.getRootContainer(reference) != EcoreUtil.getRootContainer(activity)) {
            report(findings, Rule.PLAN_01, ModelLabels.label(reference));
            return;
        }
        Optional<List<Activity>> cycle = Deadlines.cycle(activity);
        if (cycle.isPresent() && cycle.get().get(0) == activity) {
            List<String> numbers = new ArrayList<>();
            for (Activity step : cycle.get()) {
                numbers.add(ModelLabels.name(step));
            }
            report(findings, Rule.PLAN_02, String.join(" → ", numbers));
        }
    }

    private void checkWorkingGroup(WorkingGroup group, List<Finding> findings) {
        Set<WorkingGroupRole> roles = EnumSet.noneOf(WorkingGroupRole.class);
        for (Membership member : group.getMembers()) {
            if (member.getRole() != null) {
                roles.add(member.getRole());
            }
        }
        if (!roles.contains(WorkingGroupRole.CHAIR)) {
            report(findings, Rule.WG_01);
        }
        if (!roles.contains(WorkingGroupRole.SECRETARY)) {
            report(findings, Rule.WG_02);
        }
    }

    private static LocalDate today(Map<Object, Object> context) {
        return context != null && context.get(TODAY) instanceof LocalDate day ? day : LocalDate.now();
    }

    private static String format(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(Messages.dateFormat));
    }

    /**
     * OKO-WG-06: in every finished year (before {@code today}'s) in which the group held a meeting or
     * which its plan's period covers, at least the rules' minimum of meetings held.
     */
    private static void checkMeetingCount(WorkingGroup group, List<Finding> findings, LocalDate today) {
        Set<Integer> years = new java.util.TreeSet<>();
        for (Meeting meeting : group.getMeetings()) {
            if (meeting.getStatus() == MeetingStatus.HELD && meeting.getDate() != null) {
                years.add(MeetingRules.day(meeting.getDate()).getYear());
            }
        }
        Period period = group.getPlan() == null ? null : group.getPlan().getPeriod();
        if (period != null && period.getStartDate() != null && period.getEndDate() != null) {
            int last = MeetingRules.day(period.getEndDate()).getYear();
            for (int year = MeetingRules.day(period.getStartDate()).getYear(); year <= last; year++) {
                years.add(year);
            }
        }
        for (int year : years) {
            if (year >= today.getYear()) {
                continue;
            }
            MeetingRules.YearCount count = MeetingRules.meetingsHeld(group, year);
            if (!count.enough()) {
                report(findings, Rule.WG_06, String.valueOf(year), count.held(), count.minimum());
            }
        }
    }

    /** OKO-WG-05 (protocol of a held meeting missing after its due date, or dated later) and OKO-WG-08. */
    private static void checkMeeting(Meeting meeting, List<Finding> findings, LocalDate today) {
        boolean held = meeting.getStatus() == MeetingStatus.HELD;
        Optional<LocalDate> due = MeetingRules.protocolDue(meeting);
        if (held && due.isPresent()) {
            if (meeting.getProtocol() == null) {
                if (due.get().isBefore(today)) {
                    report(findings, Rule.WG_05, Messages.wgProtocolMissing, format(due.get()));
                }
            } else if (meeting.getProtocol().getDate() != null) {
                LocalDate dated = MeetingRules.day(meeting.getProtocol().getDate());
                if (dated.isAfter(due.get())) {
                    report(findings, Rule.WG_05, NLS.bind(Messages.wgProtocolLate, format(dated)), format(due.get()));
                }
            }
        }
        Membership presiding = meeting.getChairedBy();
        if (presiding != null) {
            WorkingGroup group = MeetingRules.group(meeting);
            String who = ModelLabels.label(presiding);
            if (group != null && !group.getMembers().contains(presiding)) {
                report(findings, Rule.WG_08, who, Messages.wgPresidingNotMember);
            } else if (held && !MeetingRules.present(meeting).contains(presiding)) {
                report(findings, Rule.WG_08, who, Messages.wgPresidingAbsent);
            }
        }
    }

    /** OKO-WG-03, OKO-WG-04 and OKO-WG-07 on a decision of a meeting. */
    private static void checkDecision(Decision decision, List<Finding> findings) {
        Meeting meeting = MeetingRules.meeting(decision);
        if (meeting == null || meeting.getStatus() == MeetingStatus.CANCELLED) {
            return;
        }
        int votes = decision.getVotesFor() + decision.getVotesAgainst() + decision.getVotesAbstained();
        MeetingRules.Quorum quorum = MeetingRules.quorum(meeting);
        boolean recorded = votes > 0 || decision.isAdopted();
        if (recorded && !quorum.reached()) {
            report(findings, Rule.WG_03, MeetingRules.outcome(decision).reason());
        } else if (quorum.reached()) {
            MeetingRules.Outcome outcome = MeetingRules.outcome(decision);
            if (outcome.adopted() != decision.isAdopted()) {
                report(findings, Rule.WG_04, decision.isAdopted() ? Messages.wgAdopted : Messages.wgNotAdopted,
                        outcome.adopted() ? Messages.wgAdopted : Messages.wgNotAdopted, outcome.reason());
            }
        }
        if (votes > quorum.present()) {
            report(findings, Rule.WG_07, votes, quorum.present());
        }
    }

    private void checkDocument(Document document, List<Finding> findings) {
        if (document.getStatus() == DocumentStatus.PUBLISHED && blank(document.getPublicationLink())) {
            report(findings, Rule.DOC_01);
        }
    }

    private void checkRecommendationRule(RecommendationRule rule, List<Finding> findings) {
        AddresseeKind addressee = rule.getAddressee() == null ? AddresseeKind.SCHOOL : rule.getAddressee();
        if (addressee == AddresseeKind.RISK_GROUP ? rule.getRiskGroup() == null : rule.getIndicator() == null) {
            report(findings, Rule.REC_02,
                    addressee == AddresseeKind.RISK_GROUP ? Messages.recNeedsGroup : Messages.recNeedsIndicator);
        }
        if (!blank(rule.getCondition())) {
            try {
                Expression expression = FormulaParser.parse(rule.getCondition());
                Set<String> known = RuleValues.names(addressee);
                for (Expression.Reference reference : FormulaEvaluator.references(expression)) {
                    if (reference.indicator() || !known.contains(reference.name())) {
                        report(findings, Rule.REC_01, NLS.bind(Messages.recUnknownName, reference.name(),
                                String.join(", ", new java.util.TreeSet<>(known))), reference.column(),
                                rule.getCondition());
                        break;
                    }
                }
            } catch (FormulaException e) {
                report(findings, Rule.REC_01, e.problem(), e.column(), rule.getCondition());
            }
        }
        if (!blank(rule.getTemplate())) {
            java.util.regex.Matcher matcher = RuleValues.PLACEHOLDER.matcher(rule.getTemplate());
            Set<String> known = RuleValues.placeholders(addressee);
            while (matcher.find()) {
                if (!known.contains(matcher.group(1))) {
                    report(findings, Rule.REC_03, matcher.group(1));
                }
            }
        }
    }

    /** OKO-RISK-01..04: the risk group's policy can be computed as the methodologist means it. */
    private void checkRiskGroup(RiskGroup group, List<Finding> findings) {
        if (group.getKind() == RiskGroupKind.SOCIAL_INDEX) {
            if (!(group.getIndexThreshold() >= 0 && group.getIndexThreshold() <= 1)) {
                report(findings, Rule.RISK_01, Messages.riskIndexThreshold, group.getIndexThreshold());
            }
        } else if (!(group.getIndicatorShare() >= 0 && group.getIndicatorShare() <= 1)) {
            report(findings, Rule.RISK_01, Messages.riskIndicatorShare, group.getIndicatorShare());
        }
        if (group.getConsecutivePeriods() < 1) {
            report(findings, Rule.RISK_02, group.getConsecutivePeriods());
        }
        boolean fixed = group.getKind() == RiskGroupKind.THRESHOLD || group.getKind() == RiskGroupKind.BELOW_CLUSTER
                && group.getComparison() == RiskComparison.FIXED_THRESHOLD;
        if (fixed && (group.getThreshold() == null || !Double.isFinite(group.getThreshold()))) {
            report(findings, Rule.RISK_03);
        }
        for (IndicatorWeight weight : group.getWeights()) {
            if (weight.getIndicator() == null || !group.getIndicators().contains(weight.getIndicator())) {
                report(findings, Rule.RISK_04, weight.getIndicator() == null ? Messages.riskWeightNoIndicator
                        : NLS.bind(Messages.riskWeightOtherIndicator, weight.getIndicator().getCode()));
            } else if (!(weight.getWeight() >= 0) || !Double.isFinite(weight.getWeight())) {
                report(findings, Rule.RISK_04, NLS.bind(Messages.riskWeightNegative, weight.getIndicator().getCode(),
                        weight.getWeight()));
            }
        }
    }
}
