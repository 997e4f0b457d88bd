package org.slabproof.jcstress;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.*;

public class Toy {
    public abstract static class Base {
        int x;
        @Actor public void a1(II_Result r) { r.r1 = ++x; }
        @Actor public void a2(II_Result r) { r.r2 = ++x; }
    }
    @JCStressTest
    @Outcome(id = "1, 2", expect = Expect.ACCEPTABLE, desc = "a")
    @Outcome(id = "2, 1", expect = Expect.ACCEPTABLE, desc = "a")
    @Outcome(expect = Expect.FORBIDDEN, desc = "rest")
    @State
    public static class Sub extends Base { }
}
