import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The baseline for bench/startup.sh: the smallest picocli program, on the same JDK. */
@Command(name = "hello", mixinStandardHelpOptions = true)
public class Hello implements Runnable {
    public void run() {
        System.out.println("hello");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hello()).execute(args));
    }
}
