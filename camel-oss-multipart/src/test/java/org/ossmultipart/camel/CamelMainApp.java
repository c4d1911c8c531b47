package org.ossmultipart.camel;

import org.apache.camel.main.Main;

/**
 * Child-JVM main of tests that run a user's application as users run it: Camel Main configured only
 * by the application.properties file given as the argument (routes included from it), running until
 * the process is stopped or killed.
 */
public final class CamelMainApp {

    private CamelMainApp() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + args[0]);
        main.run();
    }
}
