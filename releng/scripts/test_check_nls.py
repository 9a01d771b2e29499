#!/usr/bin/env python3
"""Self-test of check-nls.py on throw-away bundle trees: python3 -m unittest releng/scripts/test_check_nls.py"""
import contextlib
import importlib.util
import io
import pathlib
import tempfile
import unittest

_spec = importlib.util.spec_from_file_location("check_nls", pathlib.Path(__file__).with_name("check-nls.py"))
check_nls = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_nls)

JAVA = '''package oko.x.internal;
import org.eclipse.osgi.util.NLS;
public final class Messages extends NLS {
    public static String hello;
    public static String bye;
    static { NLS.initializeMessages("oko.x.internal.messages", Messages.class); }
}
'''


class CheckNlsTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.bundle = pathlib.Path(self.dir.name) / "oko.x"
        self.write("META-INF/MANIFEST.MF", "Bundle-Name: %bundleName\nBundle-Localization: plugin\n")
        self.write("plugin.xml", '<plugin><command name="a" description="%command.a"/></plugin>\n')
        self.write("plugin.properties", "bundleName = Пример\ncommand.a = команда\n")
        self.write("plugin_en.properties", "bundleName = Example\ncommand.a = a command\n")
        self.write("src/oko/x/internal/Messages.java", JAVA)
        self.write("src/oko/x/internal/messages.properties", "hello = привет, {0}\nbye = пока\n")
        self.write("src/oko/x/internal/messages_en.properties", "hello = hello, {0}\nbye = bye\n")

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, text):
        path = self.bundle / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def run_check(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = check_nls.main([str(self.bundle)])
        return code, out.getvalue()

    def assertProblem(self, *words):
        code, out = self.run_check()
        self.assertEqual(1, code, out)
        self.assertTrue(any(all(w in line for w in words) for line in out.splitlines()), out)

    def test_a_complete_bundle_passes(self):
        code, out = self.run_check()
        self.assertEqual(0, code, out)

    def test_a_message_key_only_in_russian_fails(self):
        self.write("src/oko/x/internal/messages_en.properties", "hello = hello, {0}\n")
        self.assertProblem("messages.properties:2", "key bye is not in messages_en.properties")

    def test_a_plugin_key_only_in_english_fails(self):
        self.write("plugin_en.properties", "bundleName = Example\ncommand.a = a command\ncommand.b = b\n")
        self.assertProblem("plugin_en.properties:3", "command.b")

    def test_a_missing_english_file_fails(self):
        (self.bundle / "src/oko/x/internal/messages_en.properties").unlink()
        self.assertProblem("messages_en.properties:0", "missing")

    def test_a_message_field_without_a_key_fails(self):
        self.write("src/oko/x/internal/Messages.java", JAVA.replace("String bye;", "String bye;\n    public static String later;"))
        self.assertProblem("Messages.java:6", "field later has no key")

    def test_a_key_without_a_field_fails(self):
        self.write("src/oko/x/internal/messages.properties", "hello = привет, {0}\nbye = пока\nold = старое\n")
        self.write("src/oko/x/internal/messages_en.properties", "hello = hello, {0}\nbye = bye\nold = old\n")
        self.assertProblem("messages.properties:3", "key old has no field")

    def test_an_untranslated_russian_value_and_different_placeholders_fail(self):
        self.write("src/oko/x/internal/messages.properties", "hello = hello, {0}\nbye = пока {1}\n")
        self.assertProblem("hello = 'hello, {0}' is not in Russian")
        self.assertProblem("bye: placeholders differ")

    def test_locale_data_passes_only_when_marked(self):
        fields = JAVA.replace("public static String bye;", "public static String bye;\n    public static String datePattern;")
        self.write("src/oko/x/internal/Messages.java", fields)
        self.write("src/oko/x/internal/messages_en.properties", "hello = hello, {0}\nbye = bye\ndatePattern = yyyy-MM-dd\n")
        self.write("src/oko/x/internal/messages.properties", "hello = привет, {0}\nbye = пока\ndatePattern = dd.MM.yyyy\n")
        self.assertProblem("datePattern = 'dd.MM.yyyy' is not in Russian")
        self.write("src/oko/x/internal/messages.properties",
                   "hello = привет, {0}\nbye = пока\n# locale-data: the date pattern of the language\ndatePattern = dd.MM.yyyy\n")
        code, out = self.run_check()
        self.assertEqual(0, code, out)
        # the mark applies to the next key only
        self.write("src/oko/x/internal/messages.properties",
                   "# locale-data: x\nhello = привет, {0}\nbye = пока\ndatePattern = dd.MM.yyyy\n")
        self.assertProblem("datePattern = 'dd.MM.yyyy' is not in Russian")

    def test_a_percent_key_missing_from_plugin_properties_fails(self):
        self.write("plugin.xml", '<plugin><command name="a" description="%command.b"/></plugin>\n')
        self.assertProblem("plugin.xml:1", "%command.b")


if __name__ == "__main__":
    unittest.main()
