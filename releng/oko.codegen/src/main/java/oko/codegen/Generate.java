package oko.codegen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Standalone EMF code generation (no Eclipse workspace, no OSGi).
 *
 * <pre>
 * Generate &lt;path/to/model.genmodel&gt; &lt;repository root&gt;
 * </pre>
 *
 * The genmodel's directories ({@code /oko.model/src-gen}, {@code /oko.model.edit/src-gen}) name Eclipse
 * projects; every project name is mapped to {@code <root>/bundles/<project>/}, the genmodel's folder to
 * {@code platform:/resource/<folder name>/}. The {@code src-gen} folders of the model and edit projects are
 * deleted and regenerated; the generator also writes {@code plugin.xml}, {@code plugin.properties} and
 * icons in the bundle roots (it keeps an existing {@code META-INF/MANIFEST.MF} and {@code build.properties};
 * an existing {@code plugin.properties} is merged, see {@link #keepTranslations}).
 * Fails (exception, exit status 1 when run stand-alone) on any ERROR diagnostic: ecore validation, genmodel
 * validation, generation, or no Java file generated.
 */
public final class Generate {

  private Generate() {
  }

  /**
   * Fails by throwing (not System.exit): under exec:java we run inside the Maven JVM, and Maven turns the
   * exception into BUILD FAILURE; run stand-alone, an uncaught exception gives exit status 1.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: Generate <path/to/model.genmodel> <repository root>");
    }
    int errors = run(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]).toAbsolutePath().normalize());
    if (errors != 0) {
      throw new IllegalStateException("[oko.codegen] EMF code generation failed, see the ERROR lines above");
    }
  }

  static int run(Path genModelFile, Path root) throws IOException {
    if (!Files.isRegularFile(genModelFile)) {
      System.err.println("[oko.codegen] ERROR: no genmodel at " + genModelFile);
      return 1;
    }
    long start = System.nanoTime();

    // 1. Standalone EMF set-up.
    ResourceSet resourceSet = new ResourceSetImpl();
    resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
    resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
    resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
        new XMIResourceFactoryImpl());
    resourceSet.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
    resourceSet.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
    EPackage.Registry.INSTANCE.put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
    // Without this nothing is generated, silently.
    GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
        GenModelGeneratorAdapterFactory.DESCRIPTOR);

    String modelsFolder = genModelFile.getParent().getFileName().toString();
    mapProject(modelsFolder, genModelFile.getParent());

    // 2. Load the genmodel through its platform:/resource URI (the ecore is referenced relatively).
    URI genModelUri = URI.createPlatformResourceURI(modelsFolder + "/" + genModelFile.getFileName(), true);
    Resource genModelResource = resourceSet.getResource(genModelUri, true);
    GenModel genModel = (GenModel) genModelResource.getContents().get(0);

    // 3. Map the projects named by the genmodel, then reconcile with the ecore (adds new classes/features).
    // edit code (item providers) only when the genmodel names its edit directory
    boolean withEdit = genModel.eIsSet(org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage.Literals.GEN_MODEL__EDIT_DIRECTORY);
    Set<String> projects = new LinkedHashSet<>();
    projects.add(projectOf(genModel.getModelDirectory()));
    if (withEdit) {
      projects.add(projectOf(genModel.getEditDirectory()));
    }
    List<Path> srcGenFolders = new ArrayList<>();
    for (String project : projects) {
      Path bundle = root.resolve("bundles").resolve(project);
      mapProject(project, bundle);
    }
    srcGenFolders.add(folderOf(root, genModel.getModelDirectory()));
    if (withEdit) {
      srcGenFolders.add(folderOf(root, genModel.getEditDirectory()));
    }

    if (!genModel.reconcile()) {
      System.err.println("[oko.codegen] ERROR: genmodel does not reconcile with its ecore (packages missing?)");
      return 1;
    }
    EcoreUtil.resolveAll(resourceSet);
    for (Resource resource : resourceSet.getResources()) {
      if (!resource.getErrors().isEmpty()) {
        resource.getErrors().forEach(d -> System.err.println("[oko.codegen] ERROR in " + resource.getURI() + ": " + d));
        return 1;
      }
    }

    // 4. Validate the ecore packages and the genmodel.
    int errors = 0;
    for (GenPackage genPackage : genModel.getGenPackages()) {
      errors += report("ecore " + genPackage.getEcorePackage().getName(),
          Diagnostician.INSTANCE.validate(genPackage.getEcorePackage()));
    }
    errors += report("genmodel", genModel.diagnose());
    if (errors > 0) {
      return 1;
    }

    // 5. Clean and generate.
    for (Path folder : srcGenFolders) {
      deleteRecursively(folder);
    }
    List<Translation> translations = snapshotTranslations(root, projects);
    genModel.setCanGenerate(true);
    Generator generator = new Generator();
    generator.setInput(genModel);
    // -Doko.codegen.verbose=true prints every generated file
    boolean verbose = Boolean.getBoolean("oko.codegen.verbose");
    errors += report("model code", generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
        verbose ? new BasicMonitor.Printing(System.out) : new BasicMonitor()));
    if (withEdit) {
      errors += report("edit code", generator.generate(genModel, GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE,
          verbose ? new BasicMonitor.Printing(System.out) : new BasicMonitor()));
    }
    for (Translation translation : translations) {
      keepTranslations(translation, root);
    }
    if (errors > 0) {
      return 1;
    }
    for (Path folder : srcGenFolders) {
      long files;
      try (var stream = Files.walk(folder)) {
        files = stream.filter(p -> p.toString().endsWith(".java")).count();
      } catch (IOException e) {
        files = 0;
      }
      if (files == 0) {
        System.err.println("[oko.codegen] ERROR: nothing generated in " + folder);
        return 1;
      }
      System.out.println("[oko.codegen] " + files + " Java files in " + root.relativize(folder));
    }
    System.out.printf("[oko.codegen] done in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    return 0;
  }

  /**
   * A translated bundle: {@code plugin.properties} holds the Russian (default) texts, {@code plugin_en.properties}
   * the English ones; {@code before} is plugin.properties as it was before generation.
   */
  private record Translation(Path defaultFile, Path englishFile, byte[] before) {
  }

  /** The bundles of {@code projects} that have both plugin.properties and plugin_en.properties. */
  private static List<Translation> snapshotTranslations(Path root, Set<String> projects) throws IOException {
    List<Translation> translations = new ArrayList<>();
    for (String project : projects) {
      Path bundle = root.resolve("bundles").resolve(project);
      Path defaultFile = bundle.resolve("plugin.properties");
      Path englishFile = bundle.resolve("plugin_en.properties");
      if (Files.isRegularFile(defaultFile) && Files.isRegularFile(englishFile)) {
        translations.add(new Translation(defaultFile, englishFile, Files.readAllBytes(defaultFile)));
      }
    }
    return translations;
  }

  /**
   * Keeps the translations of a bundle and gives new keys to both languages.
   * <p>
   * EMF never overwrites an existing plugin.properties: {@code AbstractGeneratorAdapter.generateProperties} runs
   * {@code PropertyMerger}, which keeps every existing line as it is (it reads and writes ISO-8859-1, so the UTF-8
   * bytes of Russian texts pass through unchanged), appends "key = English text" for each generated key the file
   * lacks, and never removes a key. It knows nothing of plugin_en.properties. So here, every key EMF appended is
   * appended to plugin_en.properties (with EMF's English text) and, in plugin.properties, replaced by the same line
   * under "# TODO translate"; {@code releng/scripts/check-nls.py} reports it until someone translates it.
   */
  private static void keepTranslations(Translation translation, Path root) throws IOException {
    byte[] merged = Files.readAllBytes(translation.defaultFile());
    Map<String, String> added = entries(merged);
    added.keySet().removeAll(entries(translation.before()).keySet());
    if (added.isEmpty()) {
      if (!Arrays.equals(merged, translation.before())) {
        Files.write(translation.defaultFile(), translation.before());
      }
      return;
    }
    Set<String> englishKeys = entries(Files.readAllBytes(translation.englishFile())).keySet();
    StringBuilder toDefault = new StringBuilder();
    StringBuilder toEnglish = new StringBuilder();
    added.forEach((key, english) -> {
      String line = key + " = " + escape(english) + "\n";
      toDefault.append("# TODO translate\n").append(line);
      if (!englishKeys.contains(key)) {
        toEnglish.append(line);
      }
    });
    Files.write(translation.defaultFile(), appended(translation.before(), toDefault));
    Files.write(translation.englishFile(), appended(Files.readAllBytes(translation.englishFile()), toEnglish));
    System.out.println("[oko.codegen] WARNING: new key(s) " + added.keySet() + " appended to "
        + root.relativize(translation.defaultFile()) + " under # TODO translate (and to plugin_en.properties if missing)");
  }

  /** Key -> value in file order. Read as ISO-8859-1: keys are ASCII, and EMF escapes any non-ASCII text it appends. */
  private static Map<String, String> entries(byte[] properties) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    new Properties() {
      private static final long serialVersionUID = 1L;

      @Override
      public synchronized Object put(Object key, Object value) {
        return entries.put((String) key, (String) value);
      }
    }.load(new ByteArrayInputStream(properties));
    return entries;
  }

  /** A value as a properties file needs it (the files are UTF-8, so other characters stay as they are). */
  private static String escape(String value) {
    String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    return escaped.startsWith(" ") ? "\\" + escaped : escaped;
  }

  private static byte[] appended(byte[] file, CharSequence lines) {
    String separator = file.length == 0 || file[file.length - 1] == '\n' ? "" : "\n";
    byte[] tail = (separator + lines).getBytes(StandardCharsets.UTF_8);
    byte[] result = Arrays.copyOf(file, file.length + tail.length);
    System.arraycopy(tail, 0, result, file.length, tail.length);
    return result;
  }

  private static void mapProject(String project, Path folder) {
    EcorePlugin.getPlatformResourceMap().put(project, URI.createFileURI(folder.toString() + "/"));
  }

  /** "/oko.model/src-gen" -> "oko.model". */
  private static String projectOf(String directory) {
    String path = directory.startsWith("/") ? directory.substring(1) : directory;
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  /** "/oko.model/src-gen" -> root/bundles/oko.model/src-gen. */
  private static Path folderOf(Path root, String directory) {
    String path = directory.startsWith("/") ? directory.substring(1) : directory;
    String project = projectOf(directory);
    String rest = path.length() > project.length() ? path.substring(project.length() + 1) : "";
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("refusing to clean a whole project: " + directory);
    }
    return root.resolve("bundles").resolve(project).resolve(rest);
  }

  /** Prints the diagnostic tree; returns the number of ERROR diagnostics. */
  private static int report(String what, Diagnostic diagnostic) {
    if (diagnostic == null) {
      return 0;
    }
    int[] errors = { 0 };
    print(what, diagnostic, 0, errors);
    return errors[0];
  }

  private static void print(String what, Diagnostic diagnostic, int depth, int[] errors) {
    if (diagnostic.getSeverity() != Diagnostic.OK && diagnostic.getMessage() != null
        && (depth > 0 || diagnostic.getChildren().isEmpty())) {
      String severity = switch (diagnostic.getSeverity()) {
        case Diagnostic.ERROR -> "ERROR";
        case Diagnostic.WARNING -> "WARNING";
        case Diagnostic.CANCEL -> "CANCEL";
        default -> "INFO";
      };
      System.out.println("[oko.codegen] " + severity + " (" + what + "): " + "  ".repeat(depth) + diagnostic.getMessage());
      if (diagnostic.getException() != null) {
        diagnostic.getException().printStackTrace(System.out);
      }
    }
    if (diagnostic.getChildren().isEmpty() && diagnostic.getSeverity() >= Diagnostic.ERROR) {
      errors[0]++;
    }
    for (Diagnostic child : diagnostic.getChildren()) {
      print(what, child, depth + 1, errors);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
