package org.samenkracht.exploration;

/** An instrument definition does not validate; the application refuses to start and names the file and the fault. */
public class InvalidInstrumentDefinition extends RuntimeException {
    public InvalidInstrumentDefinition(String file, String fault) {
        super("Instrument definition " + file + " is invalid: " + fault);
    }
}
