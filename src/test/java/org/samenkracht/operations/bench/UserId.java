package org.samenkracht.operations.bench;

import java.sql.DriverManager;

/** Prints the id of an account, for the raw-SQL baseline of bench/load/run.sh. */
public final class UserId {
    public static void main(String[] args) throws Exception {
        try (var c = DriverManager.getConnection(args[0]);
             var st = c.prepareStatement("select id from app_user where username = ?")) {
            st.setString(1, args[1]);
            var rs = st.executeQuery();
            rs.next();
            System.out.println(rs.getString(1));
        }
    }
}
