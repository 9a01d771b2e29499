package oko.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

import oko.cli.CommandCatalog;
import oko.cli.CommandDescriptor;
import oko.cli.internal.HelpCommand;

/** The catalog read from the running platform's extension registry. */
class ExtensionCommandCatalogTest {

    @Test
    void helpIsContributedWithATranslatedDescription() {
        CommandDescriptor help = CommandCatalog.fromExtensions().find("help").orElseThrow();
        assertEquals("help [COMMAND]", help.usage());
        assertFalse(help.description().isBlank());
        assertFalse(help.description().startsWith("%"), "plugin.properties key not translated: " + help.description());
        assertInstanceOf(HelpCommand.class, help.factory().get());
    }
}
