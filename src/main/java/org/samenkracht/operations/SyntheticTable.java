package org.samenkracht.operations;

import java.io.IOException;

/**
 * One table of the synthetic municipality. The generator finds every bean of this type, orders
 * them by {@link #order()} (a table after the tables it references) and streams each one's rows
 * into PostgreSQL with COPY. A module that adds a table adds one implementation; nothing else
 * changes. Rows must depend only on the {@link SyntheticMunicipality} (its seed), never on the
 * clock or a shared random source, so one seed always gives the same municipality.
 */
public interface SyntheticTable {

    /** Position in the load: tables that others reference come first (e.g. person 20, plan 40). */
    int order();

    /** The table name. */
    String table();

    /** The columns {@link #write} fills, in order. */
    String[] columns();

    /** Writes every row of this table for the given municipality. */
    void write(SyntheticMunicipality m, CopyRows out) throws IOException;
}
