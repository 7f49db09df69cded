package com.example.library.web;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code library --title WORDS}: searches the catalog from a terminal. */
@Command(name = "library", mixinStandardHelpOptions = true)
public final class LibraryCommand implements Callable<Integer> {
  @Option(names = "--title", description = "words in the title")
  String title = "";

  @Override
  public Integer call() {
    System.out.println("searching for " + title);
    return 0;
  }

  public static int run(String... args) {
    return new CommandLine(new LibraryCommand()).execute(args);
  }
}
