package oko.commands.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.cdo.transaction.CDOTransaction;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.core.modules.Modules;
import oko.core.modules.Modules.Module;
import oko.core.modules.SystemTemplates;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;

/**
 * {@code ./oko new --module ID --name NAME [--code CODE] [--territory CODE-OR-NAME] [--school ORGANISATION-CODE
 * | --operator CODE-OR-NAME] [--parent SYSTEM-CODE]}: a new quality system from the module's template
 * (structure only), in one commit. It goes into the model holding the school named (a ВСОКО belongs
 * to its school, and to its territory), else into the repository's first model, else into a new one;
 * a system without a school belongs to the territory named — an existing one by code or name, or a
 * new one of that name; a regional system's is a region — as in the workbench's wizard. A regional or
 * municipal system is run by the organisation {@code --operator} names (an existing one, or a new
 * education authority of that name), for which its aggregated values are stored: both need one.
 * {@code --parent} names the system above the new one (a municipal system's region, a school's
 * municipal system), whose aggregated indicators then count it.
 */
public final class NewCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of("--module", "--name", "--code", "--territory", "--school",
                "--operator", "--parent"))
                .expectPositionals(0, 0);
        List<Module> modules = Modules.all();
        String known = modules.isEmpty() ? "—" : String.join(", ", modules.stream().map(Module::id).toList());
        if (!args.has("--module")) {
            throw new UsageException(Messages.bind(Messages.newNoModule, known));
        }
        String id = args.value("--module", "");
        Module module = modules.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsageException(Messages.bind(Messages.newUnknownModule, id, known)));
        String name = args.value("--name", "").strip();
        if (name.isEmpty()) {
            throw new UsageException(Messages.newNoName);
        }
        boolean forSchool = module.level() == Level.SCHOOL;
        if (forSchool && args.has("--operator")) {
            throw new UsageException(Messages.newOperatorOfSchool);
        }
        if (!forSchool && args.has("--school")) {
            throw new UsageException(Messages.bind(Messages.newSchoolOfOther, module.id()));
        }
        String operator = args.value("--operator", "").strip();
        // a regional or municipal template's aggregated indicators store their values for the
        // system's organisation: without one the new system could not be computed (OKO-IND-06), so it
        // is asked for here instead of leaving a system that fails validation
        if (!forSchool && operator.isEmpty()) {
            throw new UsageException(module.level() == Level.REGION ? Messages.newRegionNoOperator
                    : Messages.newMunicipalNoOperator);
        }
        Level above = SystemTemplates.levelAbove(module.level());
        if (above == null && args.has("--parent")) {
            throw new UsageException(Messages.bind(Messages.newNoLevelAbove, module.id()));
        }
        try (OkoRepository repository = Repositories.open(context)) {
            CDOTransaction transaction = repository.openTransaction();
            try {
                List<ModelRoot> roots = SystemTemplates.models(OkoRepository.roots(transaction));
                QualitySystem system;
                try {
                    system = SystemTemplates.create(module, name, "new", roots);
                } catch (IllegalArgumentException e) {
                    context.err().println(Messages.bind(Messages.newBadTemplate, module.id(), e.getMessage()));
                    return FAILED;
                }
                String code = args.value("--code", null);
                if (code == null) {
                    code = SystemTemplates.freeCode(module, roots);
                } else if (roots.stream().flatMap(r -> r.getQualitySystems().stream()).map(QualitySystem::getCode)
                        .anyMatch(code::equals)) {
                    context.err().println(Messages.bind(Messages.newCodeTaken, code));
                    return FAILED;
                }
                system.setCode(code);
                Organisation school = null;
                if (args.has("--school")) {
                    String wanted = args.value("--school", "");
                    school = SystemTemplates.organisation(roots, wanted);
                    if (school == null) {
                        context.err().println(Messages.bind(Messages.newNoSchool, wanted));
                        return FAILED;
                    }
                }
                QualitySystem parent = null;
                if (args.has("--parent")) {
                    String wanted = args.value("--parent", "");
                    parent = SystemTemplates.system(roots, wanted);
                    if (parent == null || parent.getLevel() != above) {
                        List<String> candidates = SystemTemplates.parents(roots, module.level()).stream()
                                .map(QualitySystem::getCode).toList();
                        context.err().println(Messages.bind(Messages.newBadParent, new Object[] { wanted, module.id(),
                                candidates.isEmpty() ? "—" : String.join(", ", candidates) }));
                        return FAILED;
                    }
                }
                String territory = args.value("--territory", null);
                if (territory != null && !territory.isBlank()
                        && !SystemTemplates.fits(module.level(), SystemTemplates.territory(roots, territory))) {
                    context.err().println(Messages.bind(Messages.newTerritoryNotRegion, territory.strip()));
                    return FAILED;
                }
                String modelCode = code;
                SystemTemplates.add(system, roots, school, territory,
                        () -> OkoRepository.newModel(transaction, modelCode, name));
                SystemTemplates.bindOperator(system, roots, operator);
                system.setParentSystem(parent);
                if (!Repositories.commit(context, repository, transaction,
                        Messages.bind(Messages.newComment, name, module.name()))) {
                    return FAILED;
                }
                context.out().println(Messages.bind(Messages.newCreated, new Object[] { name, code, module.name(),
                        OkoRepository.count(List.of(system)) }));
                return OK;
            } finally {
                transaction.close();
            }
        }
    }
}
