package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

import oko.model.edit.ModelLabels;
import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.core.validation.Rule;
import oko.model.CycleStage;
import oko.model.DataElement;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentStatus;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.Indicator;
import oko.model.InformationSystem;
import oko.model.Membership;
import oko.model.OkoFactory;
import oko.model.ModelRoot;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.RelativeDeadline;
import oko.model.Role;
import oko.model.StageKind;
import oko.model.TimeUnit;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;

/** Every rule of {@link Rule}: one model that breaks it, the same model repaired passes it. */
class ValidationRulesTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private final ModelRoot root = F.createModelRoot();
    private final QualitySystem system = F.createQualitySystem();

    ValidationRulesTest() {
        system.setCode("test");
        system.setName("Тестовая система");
        root.getQualitySystems().add(system);
    }

    private List<Problem> problems() {
        return OkoValidation.validate(List.of(root), new NullProgressMonitor());
    }

    /** The rule ids reported for {@code object}. */
    private Set<String> rulesOn(EObject object) {
        return problems().stream().filter(p -> p.object() == object).map(Problem::ruleId).collect(Collectors.toSet());
    }

    private Problem only(Rule rule) {
        List<Problem> matching = problems().stream().filter(p -> p.ruleId().equals(rule.id())).toList();
        assertEquals(1, matching.size(), () -> "expected one " + rule.id() + " in " + problems());
        return matching.get(0);
    }

    private Direction direction(StageKind... kinds) {
        Direction direction = F.createDirection();
        direction.setCode("1.2");
        direction.setName("Система обеспечения объективности");
        for (StageKind kind : kinds) {
            CycleStage stage = F.createCycleStage();
            stage.setKind(kind);
            stage.setCoordinatorDuty("организует");
            direction.getStages().add(stage);
        }
        system.getDirections().add(direction);
        return direction;
    }

    @Test
    void cycle01MissingStage() {
        Direction direction = direction(StageKind.GOALS, StageKind.INDICATORS, StageKind.MONITORING,
                StageKind.ANALYSIS, StageKind.MEASURES);
        Problem problem = only(Rule.CYCLE_01);
        assertEquals(direction, problem.object());
        assertEquals(Diagnostic.ERROR, problem.severity());
        assertTrue(problem.message().contains(ModelLabels.label(direction)), problem.message());
        assertEquals("test / 1.2", problem.path());
        direction.getStages().add(stage(StageKind.EFFECTIVENESS));
        assertEquals(Set.of(), rulesOn(direction));
    }

    private static CycleStage stage(StageKind kind) {
        CycleStage stage = F.createCycleStage();
        stage.setKind(kind);
        stage.setExecutorsDuty("исполняют");
        return stage;
    }

    @Test
    void cycle02StageWithoutResponsible() {
        Direction direction = direction(StageKind.VALUES.toArray(StageKind[]::new));
        CycleStage stage = direction.getStages().get(3);
        stage.setCoordinatorDuty(" ");
        assertEquals(stage, only(Rule.CYCLE_02).object());
        stage.setOperatorDuty("собирает данные");
        assertEquals(Set.of(), rulesOn(stage));
    }

    @Test
    void cycle03NoStagesAndCycle04DuplicateStage() {
        Direction direction = direction();
        assertEquals(Diagnostic.WARNING, only(Rule.CYCLE_03).severity());
        direction.getStages().addAll(new java.util.ArrayList<>(direction(StageKind.VALUES.toArray(StageKind[]::new)).getStages()));
        system.getDirections().remove(1);
        assertEquals(Set.of(), rulesOn(direction));
        direction.getStages().add(stage(StageKind.ANALYSIS));
        assertEquals(direction, only(Rule.CYCLE_04).object());
    }

    @Test
    void func01And02FunctionWithoutRoleOrDocument() {
        FunctionSection section = F.createFunctionSection();
        section.setNumber("1");
        Function function = F.createFunction();
        function.setNumber("1.1");
        function.setName("Проведение мониторинга");
        section.getFunctions().add(function);
        system.getSections().add(section);
        assertEquals(Set.of(Rule.FUNC_01.id(), Rule.FUNC_02.id()), rulesOn(function));
        Role role = F.createRole();
        system.getRoles().add(role);
        section.getResponsibleRoles().add(role);
        assertEquals(Set.of(Rule.FUNC_02.id()), rulesOn(function));
        Document order = F.createDocument();
        system.getDocuments().add(order);
        function.getDocuments().add(order);
        assertEquals(Set.of(), rulesOn(function));
    }

    /**
     * OKO-FUNC-03: a participation (RACI A/S/C/I) without a role. A role both responsible and
     * accountable for the same function (the cell «R, A») is no problem.
     */
    @Test
    void func03ParticipationWithoutRole() {
        FunctionSection section = F.createFunctionSection();
        section.setNumber("2");
        Function function = F.createFunction();
        function.setName("Проекты процессуальных документов");
        section.getFunctions().add(function);
        system.getSections().add(section);
        Role administration = F.createRole();
        Role mo = F.createRole();
        system.getRoles().add(administration);
        system.getRoles().add(mo);
        Document order = F.createDocument();
        system.getDocuments().add(order);
        function.getDocuments().add(order);
        function.getResponsibleRoles().add(administration);
        oko.model.Participation consulted = F.createParticipation();
        consulted.setKind(oko.model.ParticipationKind.CONSULTED);
        consulted.setNote("при непосредственном участии методических объединений");
        function.getParticipations().add(consulted);
        Problem problem = only(Rule.FUNC_03);
        assertEquals(function, problem.object());
        assertTrue(problem.message().contains(ModelLabels.literal(oko.model.ParticipationKind.CONSULTED)),
                problem.message());
        assertTrue(problem.message().contains("при непосредственном участии методических объединений"), problem.message());
        consulted.setRole(mo);
        oko.model.Participation accountable = F.createParticipation();
        accountable.setKind(oko.model.ParticipationKind.ACCOUNTABLE);
        accountable.setRole(administration);
        function.getParticipations().add(accountable);
        assertEquals(Set.of(), rulesOn(function));
    }

    private Indicator indicator() {
        Indicator indicator = F.createIndicator();
        indicator.setCode("1.2.1");
        indicator.setName("Доля высокобалльников");
        system.getIndicators().add(indicator);
        return indicator;
    }

    @Test
    void ind01To03IndicatorWithoutCriteriaSourceOrResponsible() {
        Indicator indicator = indicator();
        assertEquals(Set.of(Rule.IND_01.id(), Rule.IND_02.id(), Rule.IND_03.id()), rulesOn(indicator));
        indicator.setCriteria("отношение количества высокобальников к числу выпускников");
        InformationSystem ris = F.createInformationSystem();
        root.getInformationSystems().add(ris);
        indicator.getInformationSystems().add(ris);
        assertEquals(Set.of(Rule.IND_03.id()), rulesOn(indicator));
        indicator.setResponsibleText("муниципальный оператор");
        assertEquals(Set.of(), rulesOn(indicator));
    }

    @Test
    void ind04FormulaDoesNotParseAndInd05UnknownReference() {
        Indicator indicator = indicator();
        indicator.setSources("РИС ГИА");
        indicator.setResponsibleText("оператор");
        DataElement graduates = F.createDataElement();
        graduates.setCode("ege_graduates");
        system.getDataElements().add(graduates);
        indicator.setFormula("share(ege_high_scorers, ege_graduates");
        Problem parse = only(Rule.IND_04);
        assertTrue(parse.message().contains("38"), parse.message());
        indicator.setFormula("share(ege_high_scorers, ege_graduates) + [9.9]");
        assertEquals(Set.of(Rule.IND_05.id()), rulesOn(indicator));
        assertEquals(2, problems().size(), () -> problems().toString());
        DataElement scorers = F.createDataElement();
        scorers.setCode("ege_high_scorers");
        system.getDataElements().add(scorers);
        indicator.setFormula("share(ege_high_scorers, ege_graduates) + 0 * [1.2.1]");
        assertEquals(Set.of(), rulesOn(indicator));
    }

    private PlanItem planItem(Plan plan, String number) {
        PlanItem item = F.createPlanItem();
        item.setNumber(number);
        plan.getItems().add(item);
        return item;
    }

    private static RelativeDeadline relative(PlanItem item, PlanItem reference) {
        RelativeDeadline deadline = F.createRelativeDeadline();
        deadline.setAmount(1);
        deadline.setUnit(TimeUnit.MONTHS);
        deadline.setReference(reference);
        item.setDeadline(deadline);
        return deadline;
    }

    @Test
    void plan01RelativeDeadlineToAMissingItem() {
        Plan plan = F.createPlan();
        system.getPlans().add(plan);
        PlanItem first = planItem(plan, "2.1.1.1");
        PlanItem second = planItem(plan, "2.1.1.2");
        RelativeDeadline deadline = relative(second, null);
        assertEquals(second, only(Rule.PLAN_01).object());
        deadline.setReferenceText("сроки, установленные МОиН УР");
        assertEquals(Set.of(), rulesOn(second));
        deadline.setReference(first);
        assertEquals(Set.of(), rulesOn(second));
        plan.getItems().remove(first);
        assertTrue(only(Rule.PLAN_01).message().contains("2.1.1.1"));
    }

    @Test
    void plan02RelativeDeadlinesInACycle() {
        Plan plan = F.createPlan();
        system.getPlans().add(plan);
        PlanItem a = planItem(plan, "1");
        PlanItem b = planItem(plan, "2");
        PlanItem c = planItem(plan, "3");
        relative(a, c);
        relative(b, a);
        RelativeDeadline cDeadline = relative(c, b);
        List<Problem> cycle = problems().stream().filter(p -> p.ruleId().equals(Rule.PLAN_02.id())).toList();
        assertEquals(Set.of(a, b, c), cycle.stream().map(Problem::object).collect(Collectors.toSet()));
        assertTrue(cycle.get(0).message().contains("1 → 3 → 2 → 1"), cycle.get(0).message());
        cDeadline.setReference(null);
        cDeadline.setReferenceText("начало учебного года");
        assertEquals(List.of(), problems());
    }

    @Test
    void wg01And02WorkingGroupWithoutChairOrSecretary() {
        WorkingGroup group = F.createWorkingGroup();
        group.setName("Рабочая группа");
        system.getWorkingGroups().add(group);
        Membership member = F.createMembership();
        member.setRole(WorkingGroupRole.MEMBER);
        group.getMembers().add(member);
        assertEquals(Set.of(Rule.WG_01.id(), Rule.WG_02.id()), rulesOn(group));
        Membership chair = F.createMembership();
        chair.setRole(WorkingGroupRole.CHAIR);
        group.getMembers().add(chair);
        assertEquals(Set.of(Rule.WG_02.id()), rulesOn(group));
        member.setRole(WorkingGroupRole.SECRETARY);
        assertEquals(Set.of(), rulesOn(group));
    }

    @Test
    void doc01PublishedDocumentWithoutLink() {
        Document document = F.createDocument();
        document.setNumber("1048");
        document.setName("Приказ");
        system.getDocuments().add(document);
        document.setStatus(DocumentStatus.APPROVED);
        assertEquals(Set.of(), rulesOn(document));
        document.setStatus(DocumentStatus.PUBLISHED);
        assertEquals(document, only(Rule.DOC_01).object());
        document.setPublicationLink("https://example.org/prikaz-1048");
        assertEquals(Set.of(), rulesOn(document));
    }

    @Test
    void rec01To03RecommendationRules() {
        oko.model.Indicator indicator = F.createIndicator();
        indicator.setCode("1.2.1.2");
        oko.model.RecommendationRule rule = F.createRecommendationRule();
        rule.setCode("R1");
        rule.setName("Правило");
        system.getRecommendationRules().add(rule);
        assertEquals(Set.of(Rule.REC_02.id()), rulesOn(rule), "a school rule needs an indicator");
        rule.setIndicator(indicator);
        rule.setCondition("value > median and change < 0");
        rule.setTemplate("{school}: {value} ({period})");
        assertEquals(Set.of(), rulesOn(rule));
        rule.setCondition("value >");
        assertEquals(rule, only(Rule.REC_01).object());
        rule.setCondition("valeu > median");
        Problem unknown = only(Rule.REC_01);
        assertTrue(unknown.message().contains("valeu") && unknown.message().contains("value"), unknown.message());
        rule.setCondition("value > median");
        rule.setTemplate("{school}: {schools}");
        assertTrue(only(Rule.REC_03).message().contains("schools"), "a school rule has no list of schools");
        rule.setAddressee(oko.model.AddresseeKind.RISK_GROUP);
        rule.setCondition("count > 1");
        rule.setTemplate("{group}: {schools}");
        assertEquals(Set.of(Rule.REC_02.id()), rulesOn(rule), "a group rule needs its group");
    }

    /** OKO-RISK-01..04: a risk group's policy that cannot be computed as meant. */
    @Test
    void risk01To04RiskGroupPolicies() {
        oko.model.Indicator a = F.createIndicator();
        a.setCode("1.2.1.1");
        oko.model.Indicator other = F.createIndicator();
        other.setCode("9.9");
        system.getIndicators().add(a);
        system.getIndicators().add(other);
        oko.model.RiskGroup group = F.createRiskGroup();
        group.setCode("ГР");
        group.setName("Группа");
        group.getIndicators().add(a);
        system.getRiskGroups().add(group);
        assertEquals(Set.of(), rulesOn(group), "the defaults are valid");

        group.setIndicatorShare(1.5);
        Problem share = only(Rule.RISK_01);
        assertEquals(group, share.object());
        assertTrue(share.message().contains("1.5") || share.message().contains("1,5"), share.message());
        group.setIndicatorShare(1);
        group.setKind(oko.model.RiskGroupKind.SOCIAL_INDEX);
        group.setIndicatorShare(-1);
        assertEquals(Set.of(), rulesOn(group), "a social index group does not use the share");
        group.setIndexThreshold(-0.1);
        assertEquals(group, only(Rule.RISK_01).object());
        group.setIndexThreshold(0.5);

        group.setConsecutivePeriods(0);
        assertEquals(Set.of(Rule.RISK_02.id()), rulesOn(group));
        group.setConsecutivePeriods(1);

        group.setKind(oko.model.RiskGroupKind.THRESHOLD);
        group.setIndicatorShare(0.5);
        assertEquals(Set.of(Rule.RISK_03.id()), rulesOn(group), "a threshold group without its threshold");
        group.setThreshold(60.0);
        assertEquals(Set.of(), rulesOn(group));
        group.setKind(oko.model.RiskGroupKind.BELOW_CLUSTER);
        group.setComparison(oko.model.RiskComparison.FIXED_THRESHOLD);
        group.setThreshold(null);
        assertEquals(Set.of(Rule.RISK_03.id()), rulesOn(group), "compared with a fixed threshold it has not");
        group.setComparison(oko.model.RiskComparison.CLUSTER_MEAN);
        assertEquals(Set.of(), rulesOn(group));

        oko.model.IndicatorWeight weight = F.createIndicatorWeight();
        weight.setIndicator(a);
        weight.setWeight(-2);
        group.getWeights().add(weight);
        assertTrue(only(Rule.RISK_04).message().contains("1.2.1.1"), only(Rule.RISK_04).message());
        weight.setWeight(2);
        assertEquals(Set.of(), rulesOn(group));
        weight.setIndicator(other);
        assertTrue(only(Rule.RISK_04).message().contains("9.9"), "a weight of an indicator the group has not");
    }

    /** OKO-CODE-01 on a hand-built model: two roles of one system, two organisations of one model. */
    @Test
    void duplicateCodesAmongSiblingsOfOneKindAreReportedNamingBoth() {
        Role coordinator = role("coordinator", "Координатор");
        Role second = role("coordinator", "Координатор направления");
        oko.model.Organisation school = organisation("ИШМ-01", "МБОУ СОШ № 1");
        oko.model.Organisation again = organisation("ИШМ-01", "МБОУ СОШ № 2");
        // the same code in other places or of another kind is fine
        QualitySystem other = F.createQualitySystem();
        other.setCode("other");
        root.getQualitySystems().add(other);
        Role elsewhere = F.createRole();
        elsewhere.setCode("coordinator");
        other.getRoles().add(elsewhere);
        DataElement sameCode = F.createDataElement();
        sameCode.setCode("coordinator");
        system.getDataElements().add(sameCode);
        List<Problem> found = problems().stream().filter(p -> p.ruleId().equals(Rule.CODE_01.id())).toList();
        assertEquals(Set.of(second, again), found.stream().map(Problem::object).collect(Collectors.toSet()),
                found.toString());
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().allMatch(p -> p.severity() == Diagnostic.ERROR));
        Problem roles = found.stream().filter(p -> p.object() == second).findFirst().orElseThrow();
        assertTrue(roles.message().contains("Координатор направления") && roles.message().contains("coordinator")
                && roles.message().contains(ModelLabels.label(coordinator)), roles.message());
        Problem organisations = found.stream().filter(p -> p.object() == again).findFirst().orElseThrow();
        assertTrue(organisations.message().contains("МБОУ СОШ № 2") && organisations.message().contains("МБОУ СОШ № 1")
                && organisations.message().contains("ИШМ-01"), organisations.message());
        second.setCode("executor");
        again.setCode("ИШМ-02");
        assertEquals(Set.of(), rulesOn(second));
        assertEquals(Set.of(), rulesOn(again));
        assertTrue(problems().stream().noneMatch(p -> p.ruleId().equals(Rule.CODE_01.id())), problems().toString());
        assertEquals(Set.of(), rulesOn(school));
    }

    private Role role(String code, String name) {
        Role role = F.createRole();
        role.setCode(code);
        role.setName(name);
        system.getRoles().add(role);
        return role;
    }

    private oko.model.Organisation organisation(String code, String name) {
        oko.model.Organisation organisation = F.createOrganisation();
        organisation.setCode(code);
        organisation.setName(name);
        root.getOrganisations().add(organisation);
        return organisation;
    }

    @Test
    void everyRuleHasAMessageInRussianAndEnglish() throws Exception {
        java.util.Properties ru = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var in = oko.core.validation.Rule.class.getResourceAsStream("/oko/core/internal/messages.properties")) {
            ru.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var in = oko.core.validation.Rule.class.getResourceAsStream("/oko/core/internal/messages_en.properties")) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Rule rule : Rule.values()) {
            String key = "rule_" + rule.name();
            assertTrue(ru.getProperty(key, "").contains("{0}"), key + " ru");
            assertTrue(en.getProperty(key, "").contains("{0}"), key + " en");
            assertTrue(ru.getProperty(key).chars().anyMatch(ch -> ch >= 'а' && ch <= 'я'), key + " is not Russian");
            assertEquals(rule, Rule.byId(rule.id()));
            assertTrue(rule.id().matches("OKO-[A-Z]+-\\d\\d"), rule.id());
        }
    }
}
