package oko.commands.internal;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.cdo.transaction.CDOTransaction;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.core.modules.SystemTemplates;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;

/**
 * {@code ./oko system list | parent CODE (PARENT | --none)}: the repository's quality systems (code,
 * level, system above, name as TSV) and the system above an existing one — a municipal system put
 * under a region (issue 22), a school's system under its municipal one — in one commit, as
 * {@code ./oko new --parent} does for a new system. The system above must be of the next level up
 * ({@link SystemTemplates#levelAbove}); otherwise nothing is stored and the systems that would fit
 * are named. {@code --none} takes the system out from under its system above.
 */
public final class SystemCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--none"), Set.of()).expectPositionals(1, 3);
        String action = args.positionals().get(0);
        switch (action) {
        case "list" -> {
            if (args.positionals().size() > 1 || args.has("--none")) {
                throw new UsageException(Messages.systemListArguments);
            }
            return list(context);
        }
        case "parent" -> {
            boolean none = args.has("--none");
            int wanted = none ? 2 : 3;
            if (args.positionals().size() != wanted) {
                throw new UsageException(none ? Messages.systemParentNoneArguments : Messages.systemParentArguments);
            }
            return parent(context, args.positionals().get(1), none ? null : args.positionals().get(2));
        }
        default -> throw new UsageException(Messages.bind(Messages.systemUnknownAction, action));
        }
    }

    private static int list(CommandContext context) {
        try (OkoRepository repository = Repositories.open(context)) {
            var view = repository.openView();
            try {
                for (ModelRoot root : SystemTemplates.models(OkoRepository.roots(view))) {
                    for (QualitySystem system : root.getQualitySystems()) {
                        String level = system.getLevel() == null ? "" : system.getLevel().getLiteral();
                        String above = system.getParentSystem() == null ? "" : text(system.getParentSystem().getCode());
                        context.out().println(text(system.getCode()) + "\t" + level + "\t" + above + "\t"
                                + text(system.getName()));
                    }
                }
                return OK;
            } finally {
                view.close();
            }
        }
    }

    private static int parent(CommandContext context, String code, String parentCode) {
        try (OkoRepository repository = Repositories.open(context)) {
            CDOTransaction transaction = repository.openTransaction();
            try {
                List<ModelRoot> roots = SystemTemplates.models(OkoRepository.roots(transaction));
                QualitySystem system = SystemTemplates.system(roots, code);
                if (system == null) {
                    context.err().println(Messages.bind(Messages.systemUnknown, code.strip(), codes(roots)));
                    return FAILED;
                }
                Level above = system.getLevel() == null ? null : SystemTemplates.levelAbove(system.getLevel());
                if (above == null) {
                    context.err().println(Messages.bind(Messages.systemNoLevelAbove, system.getCode(),
                            level(system.getLevel())));
                    return FAILED;
                }
                QualitySystem parent = null;
                if (parentCode != null) {
                    parent = SystemTemplates.system(roots, parentCode);
                    if (parent == null || parent.getLevel() != above) {
                        List<String> fitting = SystemTemplates.parents(roots, system.getLevel()).stream()
                                .map(QualitySystem::getCode).toList();
                        context.err().println(Messages.bind(Messages.systemBadParent, new Object[] { parentCode.strip(),
                                parent == null ? Messages.systemNoSuchSystem : level(parent.getLevel()),
                                system.getCode(), level(above), fitting.isEmpty() ? "—" : String.join(", ", fitting) }));
                        return FAILED;
                    }
                }
                if (system.getParentSystem() == parent) {
                    context.out().println(parent == null ? Messages.bind(Messages.systemParentAlreadyNone, system.getCode())
                            : Messages.bind(Messages.systemParentAlready, system.getCode(), parent.getCode()));
                    return OK;
                }
                system.setParentSystem(parent);
                String comment = parent == null ? Messages.bind(Messages.systemParentNoneComment, system.getCode())
                        : Messages.bind(Messages.systemParentComment, system.getCode(), parent.getCode());
                if (!Repositories.commit(context, repository, transaction, comment)) {
                    return FAILED;
                }
                context.out().println(comment);
                return OK;
            } finally {
                transaction.close();
            }
        }
    }

    private static String codes(List<ModelRoot> roots) {
        List<String> codes = roots.stream().flatMap(r -> r.getQualitySystems().stream()).map(QualitySystem::getCode)
                .toList();
        return codes.isEmpty() ? "—" : String.join(", ", codes);
    }

    private static String level(Level level) {
        if (level == null) {
            return "—";
        }
        return switch (level) {
        case REGION -> Messages.systemLevelRegion;
        case MUNICIPALITY -> Messages.systemLevelMunicipality;
        case SCHOOL -> Messages.systemLevelSchool;
        default -> level.getLiteral();
        };
    }

    private static String text(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ');
    }
}
