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
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;

/**
 * {@code ./oko new --module ID --name NAME [--code CODE] [--territory CODE-OR-NAME] [--school ORGANISATION-CODE]}:
 * a new quality system from the module's template (structure only), in one commit. It goes into
 * the model holding the school named (a ВСОКО belongs to its school, and to its territory), else
 * into the repository's first model, else into a new one; a system without a school belongs to
 * the territory named — an existing one by code or name, or a new one of that name — as in the
 * workbench's wizard.
 */
public final class NewCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of("--module", "--name", "--code", "--territory", "--school"))
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
                String modelCode = code;
                SystemTemplates.add(system, roots, school, args.value("--territory", null),
                        () -> OkoRepository.newModel(transaction, modelCode, name));
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
