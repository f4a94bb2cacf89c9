package io.edgecoord.shadow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static io.edgecoord.shadow.Json.assertJson;
import static io.edgecoord.shadow.Json.json;
import static io.edgecoord.shadow.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

/** AWS's delta, merge and equality rules, case by case. */
class StateTreesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no desired, no delta                         | {}                                  | {'a':1}                       | {}
            missing reported key is in the delta         | {'a':1}                             | {}                            | {'a':1}
            equal values leave no delta                  | {'a':1,'b':'x'}                     | {'a':1,'b':'x'}               | {}
            changed value is in the delta                | {'a':2}                             | {'a':1}                       | {'a':2}
            reported-only key is not in the delta        | {'a':1}                             | {'a':1,'b':2}                 | {}
            integer equals decimal of the same value     | {'a':1}                             | {'a':1.0}                     | {}
            decimal equals integer of the same value     | {'a':20.50}                         | {'a':20.5}                    | {}
            number differs from its string               | {'a':1}                             | {'a':'1'}                     | {'a':1}
            boolean differs from number                  | {'a':true}                          | {'a':1}                       | {'a':true}
            nested path only the differing leaf          | {'l':{'on':true,'lvl':5}}           | {'l':{'on':true,'lvl':3}}     | {'l':{'lvl':5}}
            nested equal objects leave no delta          | {'l':{'on':true}}                   | {'l':{'on':true,'x':1}}       | {}
            deeply nested leaf                           | {'a':{'b':{'c':{'d':1}}}}           | {'a':{'b':{'c':{'d':2}}}}     | {'a':{'b':{'c':{'d':1}}}}
            object against scalar is whole               | {'a':{'b':1}}                       | {'a':5}                       | {'a':{'b':1}}
            scalar against object is whole               | {'a':5}                             | {'a':{'b':1}}                 | {'a':5}
            equal arrays leave no delta                  | {'c':[1,2,3]}                       | {'c':[1,2,3]}                 | {}
            arrays compare whole, one element differs    | {'c':[1,2,3]}                       | {'c':[1,2,4]}                 | {'c':[1,2,3]}
            arrays compare whole, order matters          | {'c':[1,2]}                         | {'c':[2,1]}                   | {'c':[1,2]}
            shorter array differs whole                  | {'c':[1,2]}                         | {'c':[1,2,3]}                 | {'c':[1,2]}
            arrays compare numbers numerically           | {'c':[1,2.0]}                       | {'c':[1.0,2]}                 | {}
            arrays of objects compare whole              | {'c':[{'a':1}]}                     | {'c':[{'a':1,'b':2}]}         | {'c':[{'a':1}]}
            array against object is whole                | {'c':[1]}                           | {'c':{'0':1}}                 | {'c':[1]}
            empty desired object against missing key     | {'a':{}}                            | {}                            | {'a':{}}
            empty desired object against object          | {'a':{}}                            | {'a':{'b':1}}                 | {}
            several keys, only the differing ones        | {'a':1,'b':2,'c':3}                 | {'a':1,'b':5}                 | {'b':2,'c':3}
            strings compare exactly                      | {'m':'HEAT'}                        | {'m':'heat'}                  | {'m':'HEAT'}
            """)
    void computesTheDeltaByAwsRules(String rule, String desired, String reported, String delta) {
        assertThat(StateTrees.delta(object(desired), object(reported))).isEqualTo(object(delta));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            adds a key                                    | {'a':1}                      | {'b':2}                      | {'a':1,'b':2}
            replaces a value                              | {'a':1}                      | {'a':2}                      | {'a':2}
            null deletes a key                            | {'a':1,'b':2}                | {'a':null}                   | {'b':2}
            null on a missing key changes nothing         | {'a':1}                      | {'z':null}                   | {'a':1}
            objects merge deeply                          | {'l':{'on':true,'lvl':1}}    | {'l':{'lvl':2}}              | {'l':{'on':true,'lvl':2}}
            null deletes a nested key                     | {'l':{'on':true,'lvl':1}}    | {'l':{'lvl':null}}           | {'l':{'on':true}}
            object left empty by deletes goes             | {'l':{'on':true},'a':1}      | {'l':{'on':null}}            | {'a':1}
            null deletes a whole object                   | {'l':{'on':true},'a':1}      | {'l':null}                   | {'a':1}
            arrays replace whole                          | {'c':[1,2,3]}                | {'c':[9]}                    | {'c':[9]}
            empty array replaces                          | {'c':[1,2,3]}                | {'c':[]}                     | {'c':[]}
            object replaces a scalar                      | {'a':1}                      | {'a':{'b':1}}                | {'a':{'b':1}}
            scalar replaces an object                     | {'a':{'b':1}}                | {'a':1}                      | {'a':1}
            array replaces an object                      | {'a':{'b':1}}                | {'a':[1]}                    | {'a':[1]}
            empty object patch keeps an object            | {'a':{'b':1}}                | {'a':{}}                     | {'a':{'b':1}}
            empty object patch creates an empty object    | {}                           | {'a':{}}                     | {'a':{}}
            deletes inside a missing object leave nothing | {}                           | {'a':{'b':null}}             | {}
            """)
    void mergesRequestsByAwsRules(String rule, String state, String patch, String merged) {
        ObjectNode target = object(state);
        StateTrees.merge(target, StateTrees.NODES.objectNode(), object(patch), 1);
        assertThat(target).isEqualTo(object(merged));
    }

    @Test
    void stampsTouchedLeavesOnlyAndKeepsOthersMetadata() {
        ObjectNode state = object("{'a':1,'l':{'on':true,'lvl':1}}");
        ObjectNode metadata = object("{'a':{'timestamp':1},'l':{'on':{'timestamp':1},'lvl':{'timestamp':1}}}");
        StateTrees.merge(state, metadata, object("{'l':{'lvl':2},'c':[1,{'x':2}],'a':null}"), 7);
        assertJson(metadata, """
                {'l':{'on':{'timestamp':1},'lvl':{'timestamp':7}},
                 'c':[{'timestamp':7},{'x':{'timestamp':7}}]}""");
    }

    @Test
    void restampsAScalarReplacedByAnObject() {
        ObjectNode state = object("{'a':1}");
        ObjectNode metadata = object("{'a':{'timestamp':1}}");
        StateTrees.merge(state, metadata, object("{'a':{'timestamp':5}}"), 9);
        assertJson(metadata, "{'a':{'timestamp':{'timestamp':9}}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            converged key goes                  | {'a':1,'b':2}             | {'a':1}              | {'b':2}
            numerically equal key goes          | {'a':1}                   | {'a':1.0}            | {}
            converged nested leaf goes          | {'l':{'on':true,'lvl':5}} | {'l':{'on':true}}    | {'l':{'lvl':5}}
            fully converged object goes         | {'l':{'on':true}}         | {'l':{'on':true}}    | {}
            equal arrays go                     | {'c':[1,2]}               | {'c':[1,2]}          | {}
            unequal arrays stay                 | {'c':[1,2]}               | {'c':[1]}            | {'c':[1,2]}
            key reported lacks stays            | {'a':1}                   | {}                   | {'a':1}
            """)
    void clearsConvergedDesiredKeys(String rule, String desired, String reported, String left) {
        ObjectNode target = object(desired);
        ObjectNode metadata = (ObjectNode) StateTrees.stamp(target, 1);
        StateTrees.clearConverged(target, metadata, object(reported));
        assertThat(target).isEqualTo(object(left));
        assertThat(StateTrees.same(metadata, StateTrees.stamp(object(left), 1))).isTrue();
    }

    @ParameterizedTest(name = "depth of {0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            1                        | 0
            {}                       | 1
            {'a':1}                  | 1
            {'a':{'b':1}}            | 2
            {'a':[1,2]}              | 2
            {'a':[{'b':[1]}]}        | 4
            """)
    void measuresNesting(String value, int depth) {
        assertThat(StateTrees.depth(json(value))).isEqualTo(depth);
    }

    @ParameterizedTest(name = "{0} has null in array: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'a':null}                 | false
            {'a':{'b':null}}           | false
            {'a':[1,null]}             | true
            {'a':[[null]]}             | true
            {'a':[{'b':null}]}         | true
            {'a':[1,{'b':[2]}]}        | false
            """)
    void findsNullInsideArrays(String value, boolean found) {
        assertThat(StateTrees.hasNullInArray(json(value), false)).isEqualTo(found);
    }
}
