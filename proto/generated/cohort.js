/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $Array = $util.global.Array;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const cohort = $root.cohort = (() => {

    /**
     * Namespace cohort.
     * @exports cohort
     * @namespace
     */
    const cohort = {};

    cohort.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof cohort
         * @namespace
         */
        const v1 = {};

        v1.Frame = (function() {

            /**
             * Properties of a Frame.
             * @typedef {Object} cohort.v1.Frame.$Properties
             * @property {cohort.v1.ClientHello.$Properties|null} [clientHello] Frame clientHello
             * @property {cohort.v1.ServerHello.$Properties|null} [serverHello] Frame serverHello
             * @property {cohort.v1.ClientProof.$Properties|null} [clientProof] Frame clientProof
             * @property {cohort.v1.Envelope.$Properties|null} [envelope] Frame envelope
             * @property {cohort.v1.Rejection.$Properties|null} [rejection] Frame rejection
             * @property {"clientHello"|"serverHello"|"clientProof"|"envelope"|"rejection"} [kind] Frame kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Frame.
             * @memberof cohort.v1
             * @interface IFrame
             * @augments cohort.v1.Frame.$Properties
             * @deprecated Use cohort.v1.Frame.$Properties instead.
             */

            /**
             * Narrowed shape of a Frame.
             * @typedef {{
             *   clientHello?: cohort.v1.ClientHello.$Shape|null;
             *   serverHello?: cohort.v1.ServerHello.$Shape|null;
             *   clientProof?: cohort.v1.ClientProof.$Shape|null;
             *   envelope?: cohort.v1.Envelope.$Shape|null;
             *   rejection?: cohort.v1.Rejection.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; clientHello?: null; serverHello?: null; clientProof?: null; envelope?: null; rejection?: null }|{ kind?: "clientHello"; clientHello: cohort.v1.ClientHello.$Shape; serverHello?: null; clientProof?: null; envelope?: null; rejection?: null }|{ kind?: "serverHello"; clientHello?: null; serverHello: cohort.v1.ServerHello.$Shape; clientProof?: null; envelope?: null; rejection?: null }|{ kind?: "clientProof"; clientHello?: null; serverHello?: null; clientProof: cohort.v1.ClientProof.$Shape; envelope?: null; rejection?: null }|{ kind?: "envelope"; clientHello?: null; serverHello?: null; clientProof?: null; envelope: cohort.v1.Envelope.$Shape; rejection?: null }|{ kind?: "rejection"; clientHello?: null; serverHello?: null; clientProof?: null; envelope?: null; rejection: cohort.v1.Rejection.$Shape })
             * )} cohort.v1.Frame.$Shape
             */

            /**
             * Constructs a new Frame.
             * @memberof cohort.v1
             * @classdesc Represents a Frame.
             * @constructor
             * @param {cohort.v1.Frame.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Frame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Frame clientHello.
             * @member {cohort.v1.ClientHello.$Properties|null|undefined} clientHello
             * @memberof cohort.v1.Frame
             * @instance
             */
            Frame.prototype.clientHello = null;

            /**
             * Frame serverHello.
             * @member {cohort.v1.ServerHello.$Properties|null|undefined} serverHello
             * @memberof cohort.v1.Frame
             * @instance
             */
            Frame.prototype.serverHello = null;

            /**
             * Frame clientProof.
             * @member {cohort.v1.ClientProof.$Properties|null|undefined} clientProof
             * @memberof cohort.v1.Frame
             * @instance
             */
            Frame.prototype.clientProof = null;

            /**
             * Frame envelope.
             * @member {cohort.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof cohort.v1.Frame
             * @instance
             */
            Frame.prototype.envelope = null;

            /**
             * Frame rejection.
             * @member {cohort.v1.Rejection.$Properties|null|undefined} rejection
             * @memberof cohort.v1.Frame
             * @instance
             */
            Frame.prototype.rejection = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Frame kind.
             * @member {"clientHello"|"serverHello"|"clientProof"|"envelope"|"rejection"|undefined} kind
             * @memberof cohort.v1.Frame
             * @instance
             */
            $Object.defineProperty(Frame.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["clientHello", "serverHello", "clientProof", "envelope", "rejection"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Frame instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Frame
             * @static
             * @param {cohort.v1.Frame.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Frame} Frame instance
             * @type {{
             *   (properties: cohort.v1.Frame.$Shape): cohort.v1.Frame & cohort.v1.Frame.$Shape;
             *   (properties?: cohort.v1.Frame.$Properties): cohort.v1.Frame;
             * }}
             */
            Frame.create = function(properties) {
                return new Frame(properties);
            };

            /**
             * Encodes the specified Frame message. Does not implicitly {@link cohort.v1.Frame.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Frame
             * @static
             * @param {cohort.v1.Frame.$Properties} m Frame message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.clientHello != null && $Object.hasOwnProperty.call(m, "clientHello"))
                    $root.cohort.v1.ClientHello.encode(m.clientHello, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.serverHello != null && $Object.hasOwnProperty.call(m, "serverHello"))
                    $root.cohort.v1.ServerHello.encode(m.serverHello, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.clientProof != null && $Object.hasOwnProperty.call(m, "clientProof"))
                    $root.cohort.v1.ClientProof.encode(m.clientProof, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.envelope != null && $Object.hasOwnProperty.call(m, "envelope"))
                    $root.cohort.v1.Envelope.encode(m.envelope, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.rejection != null && $Object.hasOwnProperty.call(m, "rejection"))
                    $root.cohort.v1.Rejection.encode(m.rejection, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Frame & cohort.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Frame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.clientHello = $root.cohort.v1.ClientHello.decode(r, r.size(), $undefined, q + 1, m.clientHello);
                            m.kind = "clientHello";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.serverHello = $root.cohort.v1.ServerHello.decode(r, r.size(), $undefined, q + 1, m.serverHello);
                            m.kind = "serverHello";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.clientProof = $root.cohort.v1.ClientProof.decode(r, r.size(), $undefined, q + 1, m.clientProof);
                            m.kind = "clientProof";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.envelope = $root.cohort.v1.Envelope.decode(r, r.size(), $undefined, q + 1, m.envelope);
                            m.kind = "envelope";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.rejection = $root.cohort.v1.Rejection.decode(r, r.size(), $undefined, q + 1, m.rejection);
                            m.kind = "rejection";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Frame message.
             * @function verify
             * @memberof cohort.v1.Frame
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Frame.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.clientHello != null && $Object.hasOwnProperty.call(m, "clientHello")) {
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ClientHello.verify(m.clientHello, q + 1);
                        if (e)
                            return "clientHello." + e;
                    }
                }
                if (m.serverHello != null && $Object.hasOwnProperty.call(m, "serverHello")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ServerHello.verify(m.serverHello, q + 1);
                        if (e)
                            return "serverHello." + e;
                    }
                }
                if (m.clientProof != null && $Object.hasOwnProperty.call(m, "clientProof")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ClientProof.verify(m.clientProof, q + 1);
                        if (e)
                            return "clientProof." + e;
                    }
                }
                if (m.envelope != null && $Object.hasOwnProperty.call(m, "envelope")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.Envelope.verify(m.envelope, q + 1);
                        if (e)
                            return "envelope." + e;
                    }
                }
                if (m.rejection != null && $Object.hasOwnProperty.call(m, "rejection")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.Rejection.verify(m.rejection, q + 1);
                        if (e)
                            return "rejection." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for Frame
             * @function getTypeUrl
             * @memberof cohort.v1.Frame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Frame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Frame";
            };

            return Frame;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} cohort.v1.Envelope.$Properties
             * @property {string|null} [sender] Envelope sender
             * @property {Uint8Array|null} [session] Envelope session
             * @property {number|null} [seq] Envelope seq
             * @property {number|null} [round] Envelope round
             * @property {cohort.v1.Stage|null} [stage] Envelope stage
             * @property {Uint8Array|null} [payload] Envelope payload
             * @property {Uint8Array|null} [signature] Envelope signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof cohort.v1
             * @interface IEnvelope
             * @augments cohort.v1.Envelope.$Properties
             * @deprecated Use cohort.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {cohort.v1.Envelope.$Properties} cohort.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof cohort.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {cohort.v1.Envelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Envelope sender.
             * @member {string} sender
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.sender = "";

            /**
             * Envelope session.
             * @member {Uint8Array} session
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.session = $util.newBuffer([]);

            /**
             * Envelope seq.
             * @member {number} seq
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.seq = 0;

            /**
             * Envelope round.
             * @member {number} round
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.round = 0;

            /**
             * Envelope stage.
             * @member {cohort.v1.Stage} stage
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.stage = 0;

            /**
             * Envelope payload.
             * @member {Uint8Array} payload
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload = $util.newBuffer([]);

            /**
             * Envelope signature.
             * @member {Uint8Array} signature
             * @memberof cohort.v1.Envelope
             * @instance
             */
            Envelope.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Envelope
             * @static
             * @param {cohort.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: cohort.v1.Envelope.$Shape): cohort.v1.Envelope & cohort.v1.Envelope.$Shape;
             *   (properties?: cohort.v1.Envelope.$Properties): cohort.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link cohort.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Envelope
             * @static
             * @param {cohort.v1.Envelope.$Properties} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sender != null && $Object.hasOwnProperty.call(m, "sender") && m.sender !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.sender);
                if (m.session != null && $Object.hasOwnProperty.call(m, "session") && m.session.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.session);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && m.seq !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.seq);
                if (m.round != null && $Object.hasOwnProperty.call(m, "round") && m.round !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.round);
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage") && m.stage !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).int32(m.stage);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.payload);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Envelope & cohort.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sender = v;
                            else
                                delete m.sender;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.session = v;
                            else
                                delete m.session;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.round = v;
                            else
                                delete m.round;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.stage = v;
                            else
                                delete m.stage;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof cohort.v1.Envelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sender != null && $Object.hasOwnProperty.call(m, "sender")) {
                    if (!$util.isString(m.sender))
                        return "sender: string expected";
                }
                if (m.session != null && $Object.hasOwnProperty.call(m, "session")) {
                    if (!(m.session && typeof m.session.length === "number" || $util.isString(m.session)))
                        return "session: buffer expected";
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (!$util.isInteger(m.seq))
                        return "seq: integer expected";
                }
                if (m.round != null && $Object.hasOwnProperty.call(m, "round")) {
                    if (!$util.isInteger(m.round))
                        return "round: integer expected";
                }
                if (m.stage != null && $Object.hasOwnProperty.call(m, "stage")) {
                    if (typeof m.stage !== "number" || (m.stage | 0) !== m.stage)
                        return "stage: enum value expected";
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    if (!(m.payload && typeof m.payload.length === "number" || $util.isString(m.payload)))
                        return "payload: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof cohort.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Envelope";
            };

            return Envelope;
        })();

        /**
         * Stage enum.
         * @name cohort.v1.Stage
         * @enum {number}
         * @property {number} STAGE_NONE=0 STAGE_NONE value
         * @property {number} STAGE_OFFER=1 STAGE_OFFER value
         * @property {number} STAGE_SHARE_KEYS=3 STAGE_SHARE_KEYS value
         * @property {number} STAGE_MASKED_INPUT=4 STAGE_MASKED_INPUT value
         * @property {number} STAGE_UNMASKING=5 STAGE_UNMASKING value
         * @property {number} STAGE_RESULT=6 STAGE_RESULT value
         * @property {number} STAGE_CONTROL=7 STAGE_CONTROL value
         * @property {number} STAGE_CONSISTENCY=8 STAGE_CONSISTENCY value
         */
        v1.Stage = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STAGE_NONE"] = 0;
            values[valuesById[1] = "STAGE_OFFER"] = 1;
            values[valuesById[3] = "STAGE_SHARE_KEYS"] = 3;
            values[valuesById[4] = "STAGE_MASKED_INPUT"] = 4;
            values[valuesById[5] = "STAGE_UNMASKING"] = 5;
            values[valuesById[6] = "STAGE_RESULT"] = 6;
            values[valuesById[7] = "STAGE_CONTROL"] = 7;
            values[valuesById[8] = "STAGE_CONSISTENCY"] = 8;
            return values;
        })();

        v1.Message = (function() {

            /**
             * Properties of a Message.
             * @typedef {Object} cohort.v1.Message.$Properties
             * @property {cohort.v1.RoundOffer.$Properties|null} [roundOffer] Message roundOffer
             * @property {cohort.v1.RoundAnswer.$Properties|null} [roundAnswer] Message roundAnswer
             * @property {cohort.v1.PlainUpdate.$Properties|null} [plainUpdate] Message plainUpdate
             * @property {cohort.v1.KeyRoster.$Properties|null} [keyRoster] Message keyRoster
             * @property {cohort.v1.ShareBundle.$Properties|null} [shareBundle] Message shareBundle
             * @property {cohort.v1.ShareDelivery.$Properties|null} [shareDelivery] Message shareDelivery
             * @property {cohort.v1.MaskedInput.$Properties|null} [maskedInput] Message maskedInput
             * @property {cohort.v1.UnmaskRequest.$Properties|null} [unmaskRequest] Message unmaskRequest
             * @property {cohort.v1.UnmaskResponse.$Properties|null} [unmaskResponse] Message unmaskResponse
             * @property {cohort.v1.RoundReceipt.$Properties|null} [roundReceipt] Message roundReceipt
             * @property {cohort.v1.Notice.$Properties|null} [notice] Message notice
             * @property {cohort.v1.ConsistencyRequest.$Properties|null} [consistencyRequest] Message consistencyRequest
             * @property {cohort.v1.ConsistencySignature.$Properties|null} [consistencySignature] Message consistencySignature
             * @property {"roundOffer"|"roundAnswer"|"plainUpdate"|"keyRoster"|"shareBundle"|"shareDelivery"|"maskedInput"|"unmaskRequest"|"unmaskResponse"|"roundReceipt"|"notice"|"consistencyRequest"|"consistencySignature"} [kind] Message kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Message.
             * @memberof cohort.v1
             * @interface IMessage
             * @augments cohort.v1.Message.$Properties
             * @deprecated Use cohort.v1.Message.$Properties instead.
             */

            /**
             * Narrowed shape of a Message.
             * @typedef {{
             *   roundOffer?: cohort.v1.RoundOffer.$Shape|null;
             *   roundAnswer?: cohort.v1.RoundAnswer.$Shape|null;
             *   plainUpdate?: cohort.v1.PlainUpdate.$Shape|null;
             *   keyRoster?: cohort.v1.KeyRoster.$Shape|null;
             *   shareBundle?: cohort.v1.ShareBundle.$Shape|null;
             *   shareDelivery?: cohort.v1.ShareDelivery.$Shape|null;
             *   maskedInput?: cohort.v1.MaskedInput.$Shape|null;
             *   unmaskRequest?: cohort.v1.UnmaskRequest.$Shape|null;
             *   unmaskResponse?: cohort.v1.UnmaskResponse.$Shape|null;
             *   roundReceipt?: cohort.v1.RoundReceipt.$Shape|null;
             *   notice?: cohort.v1.Notice.$Shape|null;
             *   consistencyRequest?: cohort.v1.ConsistencyRequest.$Shape|null;
             *   consistencySignature?: cohort.v1.ConsistencySignature.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "roundOffer"; roundOffer: cohort.v1.RoundOffer.$Shape; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "roundAnswer"; roundOffer?: null; roundAnswer: cohort.v1.RoundAnswer.$Shape; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "plainUpdate"; roundOffer?: null; roundAnswer?: null; plainUpdate: cohort.v1.PlainUpdate.$Shape; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "keyRoster"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster: cohort.v1.KeyRoster.$Shape; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "shareBundle"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle: cohort.v1.ShareBundle.$Shape; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "shareDelivery"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery: cohort.v1.ShareDelivery.$Shape; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "maskedInput"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput: cohort.v1.MaskedInput.$Shape; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "unmaskRequest"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest: cohort.v1.UnmaskRequest.$Shape; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "unmaskResponse"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse: cohort.v1.UnmaskResponse.$Shape; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "roundReceipt"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt: cohort.v1.RoundReceipt.$Shape; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "notice"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice: cohort.v1.Notice.$Shape; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "consistencyRequest"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest: cohort.v1.ConsistencyRequest.$Shape; consistencySignature?: null }|{ kind?: "consistencySignature"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature: cohort.v1.ConsistencySignature.$Shape })
             * )} cohort.v1.Message.$Shape
             */

            /**
             * Constructs a new Message.
             * @memberof cohort.v1
             * @classdesc Represents a Message.
             * @constructor
             * @param {cohort.v1.Message.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Message = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Message roundOffer.
             * @member {cohort.v1.RoundOffer.$Properties|null|undefined} roundOffer
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.roundOffer = null;

            /**
             * Message roundAnswer.
             * @member {cohort.v1.RoundAnswer.$Properties|null|undefined} roundAnswer
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.roundAnswer = null;

            /**
             * Message plainUpdate.
             * @member {cohort.v1.PlainUpdate.$Properties|null|undefined} plainUpdate
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.plainUpdate = null;

            /**
             * Message keyRoster.
             * @member {cohort.v1.KeyRoster.$Properties|null|undefined} keyRoster
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.keyRoster = null;

            /**
             * Message shareBundle.
             * @member {cohort.v1.ShareBundle.$Properties|null|undefined} shareBundle
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.shareBundle = null;

            /**
             * Message shareDelivery.
             * @member {cohort.v1.ShareDelivery.$Properties|null|undefined} shareDelivery
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.shareDelivery = null;

            /**
             * Message maskedInput.
             * @member {cohort.v1.MaskedInput.$Properties|null|undefined} maskedInput
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.maskedInput = null;

            /**
             * Message unmaskRequest.
             * @member {cohort.v1.UnmaskRequest.$Properties|null|undefined} unmaskRequest
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.unmaskRequest = null;

            /**
             * Message unmaskResponse.
             * @member {cohort.v1.UnmaskResponse.$Properties|null|undefined} unmaskResponse
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.unmaskResponse = null;

            /**
             * Message roundReceipt.
             * @member {cohort.v1.RoundReceipt.$Properties|null|undefined} roundReceipt
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.roundReceipt = null;

            /**
             * Message notice.
             * @member {cohort.v1.Notice.$Properties|null|undefined} notice
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.notice = null;

            /**
             * Message consistencyRequest.
             * @member {cohort.v1.ConsistencyRequest.$Properties|null|undefined} consistencyRequest
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.consistencyRequest = null;

            /**
             * Message consistencySignature.
             * @member {cohort.v1.ConsistencySignature.$Properties|null|undefined} consistencySignature
             * @memberof cohort.v1.Message
             * @instance
             */
            Message.prototype.consistencySignature = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Message kind.
             * @member {"roundOffer"|"roundAnswer"|"plainUpdate"|"keyRoster"|"shareBundle"|"shareDelivery"|"maskedInput"|"unmaskRequest"|"unmaskResponse"|"roundReceipt"|"notice"|"consistencyRequest"|"consistencySignature"|undefined} kind
             * @memberof cohort.v1.Message
             * @instance
             */
            $Object.defineProperty(Message.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["roundOffer", "roundAnswer", "plainUpdate", "keyRoster", "shareBundle", "shareDelivery", "maskedInput", "unmaskRequest", "unmaskResponse", "roundReceipt", "notice", "consistencyRequest", "consistencySignature"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Message instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Message
             * @static
             * @param {cohort.v1.Message.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Message} Message instance
             * @type {{
             *   (properties: cohort.v1.Message.$Shape): cohort.v1.Message & cohort.v1.Message.$Shape;
             *   (properties?: cohort.v1.Message.$Properties): cohort.v1.Message;
             * }}
             */
            Message.create = function(properties) {
                return new Message(properties);
            };

            /**
             * Encodes the specified Message message. Does not implicitly {@link cohort.v1.Message.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Message
             * @static
             * @param {cohort.v1.Message.$Properties} m Message message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Message.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.roundOffer != null && $Object.hasOwnProperty.call(m, "roundOffer"))
                    $root.cohort.v1.RoundOffer.encode(m.roundOffer, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.roundAnswer != null && $Object.hasOwnProperty.call(m, "roundAnswer"))
                    $root.cohort.v1.RoundAnswer.encode(m.roundAnswer, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.plainUpdate != null && $Object.hasOwnProperty.call(m, "plainUpdate"))
                    $root.cohort.v1.PlainUpdate.encode(m.plainUpdate, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.keyRoster != null && $Object.hasOwnProperty.call(m, "keyRoster"))
                    $root.cohort.v1.KeyRoster.encode(m.keyRoster, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.shareBundle != null && $Object.hasOwnProperty.call(m, "shareBundle"))
                    $root.cohort.v1.ShareBundle.encode(m.shareBundle, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.shareDelivery != null && $Object.hasOwnProperty.call(m, "shareDelivery"))
                    $root.cohort.v1.ShareDelivery.encode(m.shareDelivery, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.maskedInput != null && $Object.hasOwnProperty.call(m, "maskedInput"))
                    $root.cohort.v1.MaskedInput.encode(m.maskedInput, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.unmaskRequest != null && $Object.hasOwnProperty.call(m, "unmaskRequest"))
                    $root.cohort.v1.UnmaskRequest.encode(m.unmaskRequest, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.unmaskResponse != null && $Object.hasOwnProperty.call(m, "unmaskResponse"))
                    $root.cohort.v1.UnmaskResponse.encode(m.unmaskResponse, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.roundReceipt != null && $Object.hasOwnProperty.call(m, "roundReceipt"))
                    $root.cohort.v1.RoundReceipt.encode(m.roundReceipt, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (m.notice != null && $Object.hasOwnProperty.call(m, "notice"))
                    $root.cohort.v1.Notice.encode(m.notice, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
                if (m.consistencyRequest != null && $Object.hasOwnProperty.call(m, "consistencyRequest"))
                    $root.cohort.v1.ConsistencyRequest.encode(m.consistencyRequest, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (m.consistencySignature != null && $Object.hasOwnProperty.call(m, "consistencySignature"))
                    $root.cohort.v1.ConsistencySignature.encode(m.consistencySignature, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Message
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Message & cohort.v1.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Message.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Message();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.roundOffer = $root.cohort.v1.RoundOffer.decode(r, r.size(), $undefined, q + 1, m.roundOffer);
                            m.kind = "roundOffer";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.roundAnswer = $root.cohort.v1.RoundAnswer.decode(r, r.size(), $undefined, q + 1, m.roundAnswer);
                            m.kind = "roundAnswer";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.plainUpdate = $root.cohort.v1.PlainUpdate.decode(r, r.size(), $undefined, q + 1, m.plainUpdate);
                            m.kind = "plainUpdate";
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.keyRoster = $root.cohort.v1.KeyRoster.decode(r, r.size(), $undefined, q + 1, m.keyRoster);
                            m.kind = "keyRoster";
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.shareBundle = $root.cohort.v1.ShareBundle.decode(r, r.size(), $undefined, q + 1, m.shareBundle);
                            m.kind = "shareBundle";
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.shareDelivery = $root.cohort.v1.ShareDelivery.decode(r, r.size(), $undefined, q + 1, m.shareDelivery);
                            m.kind = "shareDelivery";
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.maskedInput = $root.cohort.v1.MaskedInput.decode(r, r.size(), $undefined, q + 1, m.maskedInput);
                            m.kind = "maskedInput";
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.unmaskRequest = $root.cohort.v1.UnmaskRequest.decode(r, r.size(), $undefined, q + 1, m.unmaskRequest);
                            m.kind = "unmaskRequest";
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.unmaskResponse = $root.cohort.v1.UnmaskResponse.decode(r, r.size(), $undefined, q + 1, m.unmaskResponse);
                            m.kind = "unmaskResponse";
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            m.roundReceipt = $root.cohort.v1.RoundReceipt.decode(r, r.size(), $undefined, q + 1, m.roundReceipt);
                            m.kind = "roundReceipt";
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            m.notice = $root.cohort.v1.Notice.decode(r, r.size(), $undefined, q + 1, m.notice);
                            m.kind = "notice";
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            m.consistencyRequest = $root.cohort.v1.ConsistencyRequest.decode(r, r.size(), $undefined, q + 1, m.consistencyRequest);
                            m.kind = "consistencyRequest";
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.consistencySignature = $root.cohort.v1.ConsistencySignature.decode(r, r.size(), $undefined, q + 1, m.consistencySignature);
                            m.kind = "consistencySignature";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Message message.
             * @function verify
             * @memberof cohort.v1.Message
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Message.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.roundOffer != null && $Object.hasOwnProperty.call(m, "roundOffer")) {
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.RoundOffer.verify(m.roundOffer, q + 1);
                        if (e)
                            return "roundOffer." + e;
                    }
                }
                if (m.roundAnswer != null && $Object.hasOwnProperty.call(m, "roundAnswer")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.RoundAnswer.verify(m.roundAnswer, q + 1);
                        if (e)
                            return "roundAnswer." + e;
                    }
                }
                if (m.plainUpdate != null && $Object.hasOwnProperty.call(m, "plainUpdate")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.PlainUpdate.verify(m.plainUpdate, q + 1);
                        if (e)
                            return "plainUpdate." + e;
                    }
                }
                if (m.keyRoster != null && $Object.hasOwnProperty.call(m, "keyRoster")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.KeyRoster.verify(m.keyRoster, q + 1);
                        if (e)
                            return "keyRoster." + e;
                    }
                }
                if (m.shareBundle != null && $Object.hasOwnProperty.call(m, "shareBundle")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ShareBundle.verify(m.shareBundle, q + 1);
                        if (e)
                            return "shareBundle." + e;
                    }
                }
                if (m.shareDelivery != null && $Object.hasOwnProperty.call(m, "shareDelivery")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ShareDelivery.verify(m.shareDelivery, q + 1);
                        if (e)
                            return "shareDelivery." + e;
                    }
                }
                if (m.maskedInput != null && $Object.hasOwnProperty.call(m, "maskedInput")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.MaskedInput.verify(m.maskedInput, q + 1);
                        if (e)
                            return "maskedInput." + e;
                    }
                }
                if (m.unmaskRequest != null && $Object.hasOwnProperty.call(m, "unmaskRequest")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.UnmaskRequest.verify(m.unmaskRequest, q + 1);
                        if (e)
                            return "unmaskRequest." + e;
                    }
                }
                if (m.unmaskResponse != null && $Object.hasOwnProperty.call(m, "unmaskResponse")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.UnmaskResponse.verify(m.unmaskResponse, q + 1);
                        if (e)
                            return "unmaskResponse." + e;
                    }
                }
                if (m.roundReceipt != null && $Object.hasOwnProperty.call(m, "roundReceipt")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.RoundReceipt.verify(m.roundReceipt, q + 1);
                        if (e)
                            return "roundReceipt." + e;
                    }
                }
                if (m.notice != null && $Object.hasOwnProperty.call(m, "notice")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.Notice.verify(m.notice, q + 1);
                        if (e)
                            return "notice." + e;
                    }
                }
                if (m.consistencyRequest != null && $Object.hasOwnProperty.call(m, "consistencyRequest")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ConsistencyRequest.verify(m.consistencyRequest, q + 1);
                        if (e)
                            return "consistencyRequest." + e;
                    }
                }
                if (m.consistencySignature != null && $Object.hasOwnProperty.call(m, "consistencySignature")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.cohort.v1.ConsistencySignature.verify(m.consistencySignature, q + 1);
                        if (e)
                            return "consistencySignature." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for Message
             * @function getTypeUrl
             * @memberof cohort.v1.Message
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Message.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Message";
            };

            return Message;
        })();

        v1.Rejection = (function() {

            /**
             * Properties of a Rejection.
             * @typedef {Object} cohort.v1.Rejection.$Properties
             * @property {string|null} [code] Rejection code
             * @property {string|null} [message] Rejection message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Rejection.
             * @memberof cohort.v1
             * @interface IRejection
             * @augments cohort.v1.Rejection.$Properties
             * @deprecated Use cohort.v1.Rejection.$Properties instead.
             */

            /**
             * Shape of a Rejection.
             * @typedef {cohort.v1.Rejection.$Properties} cohort.v1.Rejection.$Shape
             */

            /**
             * Constructs a new Rejection.
             * @memberof cohort.v1
             * @classdesc Represents a Rejection.
             * @constructor
             * @param {cohort.v1.Rejection.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Rejection = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Rejection code.
             * @member {string} code
             * @memberof cohort.v1.Rejection
             * @instance
             */
            Rejection.prototype.code = "";

            /**
             * Rejection message.
             * @member {string} message
             * @memberof cohort.v1.Rejection
             * @instance
             */
            Rejection.prototype.message = "";

            /**
             * Creates a new Rejection instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Rejection
             * @static
             * @param {cohort.v1.Rejection.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Rejection} Rejection instance
             * @type {{
             *   (properties: cohort.v1.Rejection.$Shape): cohort.v1.Rejection & cohort.v1.Rejection.$Shape;
             *   (properties?: cohort.v1.Rejection.$Properties): cohort.v1.Rejection;
             * }}
             */
            Rejection.create = function(properties) {
                return new Rejection(properties);
            };

            /**
             * Encodes the specified Rejection message. Does not implicitly {@link cohort.v1.Rejection.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Rejection
             * @static
             * @param {cohort.v1.Rejection.$Properties} m Rejection message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Rejection.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.message);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Rejection message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Rejection
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Rejection & cohort.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Rejection.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Rejection();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Rejection message.
             * @function verify
             * @memberof cohort.v1.Rejection
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Rejection.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                return null;
            };

            /**
             * Gets the type url for Rejection
             * @function getTypeUrl
             * @memberof cohort.v1.Rejection
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Rejection.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Rejection";
            };

            return Rejection;
        })();

        v1.ClientHello = (function() {

            /**
             * Properties of a ClientHello.
             * @typedef {Object} cohort.v1.ClientHello.$Properties
             * @property {number|null} [protocolVersion] ClientHello protocolVersion
             * @property {string|null} [agency] ClientHello agency
             * @property {Uint8Array|null} [identityKey] ClientHello identityKey
             * @property {Uint8Array|null} [nonce] ClientHello nonce
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClientHello.
             * @memberof cohort.v1
             * @interface IClientHello
             * @augments cohort.v1.ClientHello.$Properties
             * @deprecated Use cohort.v1.ClientHello.$Properties instead.
             */

            /**
             * Shape of a ClientHello.
             * @typedef {cohort.v1.ClientHello.$Properties} cohort.v1.ClientHello.$Shape
             */

            /**
             * Constructs a new ClientHello.
             * @memberof cohort.v1
             * @classdesc Represents a ClientHello.
             * @constructor
             * @param {cohort.v1.ClientHello.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClientHello = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ClientHello protocolVersion.
             * @member {number} protocolVersion
             * @memberof cohort.v1.ClientHello
             * @instance
             */
            ClientHello.prototype.protocolVersion = 0;

            /**
             * ClientHello agency.
             * @member {string} agency
             * @memberof cohort.v1.ClientHello
             * @instance
             */
            ClientHello.prototype.agency = "";

            /**
             * ClientHello identityKey.
             * @member {Uint8Array} identityKey
             * @memberof cohort.v1.ClientHello
             * @instance
             */
            ClientHello.prototype.identityKey = $util.newBuffer([]);

            /**
             * ClientHello nonce.
             * @member {Uint8Array} nonce
             * @memberof cohort.v1.ClientHello
             * @instance
             */
            ClientHello.prototype.nonce = $util.newBuffer([]);

            /**
             * Creates a new ClientHello instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ClientHello
             * @static
             * @param {cohort.v1.ClientHello.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ClientHello} ClientHello instance
             * @type {{
             *   (properties: cohort.v1.ClientHello.$Shape): cohort.v1.ClientHello & cohort.v1.ClientHello.$Shape;
             *   (properties?: cohort.v1.ClientHello.$Properties): cohort.v1.ClientHello;
             * }}
             */
            ClientHello.create = function(properties) {
                return new ClientHello(properties);
            };

            /**
             * Encodes the specified ClientHello message. Does not implicitly {@link cohort.v1.ClientHello.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ClientHello
             * @static
             * @param {cohort.v1.ClientHello.$Properties} m ClientHello message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClientHello.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion") && m.protocolVersion !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.protocolVersion);
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency") && m.agency !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.agency);
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey") && m.identityKey.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.identityKey);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.nonce);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ClientHello message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ClientHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ClientHello & cohort.v1.ClientHello.$Shape} ClientHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClientHello.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ClientHello();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolVersion = v;
                            else
                                delete m.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agency = v;
                            else
                                delete m.agency;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.identityKey = v;
                            else
                                delete m.identityKey;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ClientHello message.
             * @function verify
             * @memberof cohort.v1.ClientHello
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ClientHello.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion")) {
                    if (!$util.isInteger(m.protocolVersion))
                        return "protocolVersion: integer expected";
                }
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency")) {
                    if (!$util.isString(m.agency))
                        return "agency: string expected";
                }
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey")) {
                    if (!(m.identityKey && typeof m.identityKey.length === "number" || $util.isString(m.identityKey)))
                        return "identityKey: buffer expected";
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for ClientHello
             * @function getTypeUrl
             * @memberof cohort.v1.ClientHello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClientHello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ClientHello";
            };

            return ClientHello;
        })();

        v1.ServerHello = (function() {

            /**
             * Properties of a ServerHello.
             * @typedef {Object} cohort.v1.ServerHello.$Properties
             * @property {number|null} [protocolVersion] ServerHello protocolVersion
             * @property {Uint8Array|null} [coordinatorKey] ServerHello coordinatorKey
             * @property {Uint8Array|null} [nonce] ServerHello nonce
             * @property {Uint8Array|null} [session] ServerHello session
             * @property {Uint8Array|null} [signature] ServerHello signature
             * @property {number|null} [maxMessageBytes] ServerHello maxMessageBytes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ServerHello.
             * @memberof cohort.v1
             * @interface IServerHello
             * @augments cohort.v1.ServerHello.$Properties
             * @deprecated Use cohort.v1.ServerHello.$Properties instead.
             */

            /**
             * Shape of a ServerHello.
             * @typedef {cohort.v1.ServerHello.$Properties} cohort.v1.ServerHello.$Shape
             */

            /**
             * Constructs a new ServerHello.
             * @memberof cohort.v1
             * @classdesc Represents a ServerHello.
             * @constructor
             * @param {cohort.v1.ServerHello.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ServerHello = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ServerHello protocolVersion.
             * @member {number} protocolVersion
             * @memberof cohort.v1.ServerHello
             * @instance
             */
            ServerHello.prototype.protocolVersion = 0;

            /**
             * ServerHello coordinatorKey.
             * @member {Uint8Array} coordinatorKey
             * @memberof cohort.v1.ServerHello
             * @instance
             */
            ServerHello.prototype.coordinatorKey = $util.newBuffer([]);

            /**
             * ServerHello nonce.
             * @member {Uint8Array} nonce
             * @memberof cohort.v1.ServerHello
             * @instance
             */
            ServerHello.prototype.nonce = $util.newBuffer([]);

            /**
             * ServerHello session.
             * @member {Uint8Array} session
             * @memberof cohort.v1.ServerHello
             * @instance
             */
            ServerHello.prototype.session = $util.newBuffer([]);

            /**
             * ServerHello signature.
             * @member {Uint8Array} signature
             * @memberof cohort.v1.ServerHello
             * @instance
             */
            ServerHello.prototype.signature = $util.newBuffer([]);

            /**
             * ServerHello maxMessageBytes.
             * @member {number} maxMessageBytes
             * @memberof cohort.v1.ServerHello
             * @instance
             */
            ServerHello.prototype.maxMessageBytes = 0;

            /**
             * Creates a new ServerHello instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ServerHello
             * @static
             * @param {cohort.v1.ServerHello.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ServerHello} ServerHello instance
             * @type {{
             *   (properties: cohort.v1.ServerHello.$Shape): cohort.v1.ServerHello & cohort.v1.ServerHello.$Shape;
             *   (properties?: cohort.v1.ServerHello.$Properties): cohort.v1.ServerHello;
             * }}
             */
            ServerHello.create = function(properties) {
                return new ServerHello(properties);
            };

            /**
             * Encodes the specified ServerHello message. Does not implicitly {@link cohort.v1.ServerHello.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ServerHello
             * @static
             * @param {cohort.v1.ServerHello.$Properties} m ServerHello message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServerHello.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion") && m.protocolVersion !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.protocolVersion);
                if (m.coordinatorKey != null && $Object.hasOwnProperty.call(m, "coordinatorKey") && m.coordinatorKey.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.coordinatorKey);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.nonce);
                if (m.session != null && $Object.hasOwnProperty.call(m, "session") && m.session.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.session);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.signature);
                if (m.maxMessageBytes != null && $Object.hasOwnProperty.call(m, "maxMessageBytes") && m.maxMessageBytes !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.maxMessageBytes);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ServerHello message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ServerHello
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ServerHello & cohort.v1.ServerHello.$Shape} ServerHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServerHello.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ServerHello();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolVersion = v;
                            else
                                delete m.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.coordinatorKey = v;
                            else
                                delete m.coordinatorKey;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.session = v;
                            else
                                delete m.session;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.maxMessageBytes = v;
                            else
                                delete m.maxMessageBytes;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ServerHello message.
             * @function verify
             * @memberof cohort.v1.ServerHello
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ServerHello.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.protocolVersion != null && $Object.hasOwnProperty.call(m, "protocolVersion")) {
                    if (!$util.isInteger(m.protocolVersion))
                        return "protocolVersion: integer expected";
                }
                if (m.coordinatorKey != null && $Object.hasOwnProperty.call(m, "coordinatorKey")) {
                    if (!(m.coordinatorKey && typeof m.coordinatorKey.length === "number" || $util.isString(m.coordinatorKey)))
                        return "coordinatorKey: buffer expected";
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                if (m.session != null && $Object.hasOwnProperty.call(m, "session")) {
                    if (!(m.session && typeof m.session.length === "number" || $util.isString(m.session)))
                        return "session: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.maxMessageBytes != null && $Object.hasOwnProperty.call(m, "maxMessageBytes")) {
                    if (!$util.isInteger(m.maxMessageBytes))
                        return "maxMessageBytes: integer expected";
                }
                return null;
            };

            /**
             * Gets the type url for ServerHello
             * @function getTypeUrl
             * @memberof cohort.v1.ServerHello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ServerHello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ServerHello";
            };

            return ServerHello;
        })();

        v1.ClientProof = (function() {

            /**
             * Properties of a ClientProof.
             * @typedef {Object} cohort.v1.ClientProof.$Properties
             * @property {Uint8Array|null} [signature] ClientProof signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClientProof.
             * @memberof cohort.v1
             * @interface IClientProof
             * @augments cohort.v1.ClientProof.$Properties
             * @deprecated Use cohort.v1.ClientProof.$Properties instead.
             */

            /**
             * Shape of a ClientProof.
             * @typedef {cohort.v1.ClientProof.$Properties} cohort.v1.ClientProof.$Shape
             */

            /**
             * Constructs a new ClientProof.
             * @memberof cohort.v1
             * @classdesc Represents a ClientProof.
             * @constructor
             * @param {cohort.v1.ClientProof.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ClientProof = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ClientProof signature.
             * @member {Uint8Array} signature
             * @memberof cohort.v1.ClientProof
             * @instance
             */
            ClientProof.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new ClientProof instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ClientProof
             * @static
             * @param {cohort.v1.ClientProof.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ClientProof} ClientProof instance
             * @type {{
             *   (properties: cohort.v1.ClientProof.$Shape): cohort.v1.ClientProof & cohort.v1.ClientProof.$Shape;
             *   (properties?: cohort.v1.ClientProof.$Properties): cohort.v1.ClientProof;
             * }}
             */
            ClientProof.create = function(properties) {
                return new ClientProof(properties);
            };

            /**
             * Encodes the specified ClientProof message. Does not implicitly {@link cohort.v1.ClientProof.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ClientProof
             * @static
             * @param {cohort.v1.ClientProof.$Properties} m ClientProof message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClientProof.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ClientProof message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ClientProof
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ClientProof & cohort.v1.ClientProof.$Shape} ClientProof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClientProof.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ClientProof();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ClientProof message.
             * @function verify
             * @memberof cohort.v1.ClientProof
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ClientProof.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for ClientProof
             * @function getTypeUrl
             * @memberof cohort.v1.ClientProof
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClientProof.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ClientProof";
            };

            return ClientProof;
        })();

        v1.TrainConfig = (function() {

            /**
             * Properties of a TrainConfig.
             * @typedef {Object} cohort.v1.TrainConfig.$Properties
             * @property {number|null} [epochs] TrainConfig epochs
             * @property {number|null} [batchSize] TrainConfig batchSize
             * @property {number|null} [learningRate] TrainConfig learningRate
             * @property {string|null} [optimizer] TrainConfig optimizer
             * @property {number|null} [proximalMu] TrainConfig proximalMu
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrainConfig.
             * @memberof cohort.v1
             * @interface ITrainConfig
             * @augments cohort.v1.TrainConfig.$Properties
             * @deprecated Use cohort.v1.TrainConfig.$Properties instead.
             */

            /**
             * Shape of a TrainConfig.
             * @typedef {cohort.v1.TrainConfig.$Properties} cohort.v1.TrainConfig.$Shape
             */

            /**
             * Constructs a new TrainConfig.
             * @memberof cohort.v1
             * @classdesc Represents a TrainConfig.
             * @constructor
             * @param {cohort.v1.TrainConfig.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TrainConfig = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * TrainConfig epochs.
             * @member {number} epochs
             * @memberof cohort.v1.TrainConfig
             * @instance
             */
            TrainConfig.prototype.epochs = 0;

            /**
             * TrainConfig batchSize.
             * @member {number} batchSize
             * @memberof cohort.v1.TrainConfig
             * @instance
             */
            TrainConfig.prototype.batchSize = 0;

            /**
             * TrainConfig learningRate.
             * @member {number} learningRate
             * @memberof cohort.v1.TrainConfig
             * @instance
             */
            TrainConfig.prototype.learningRate = 0;

            /**
             * TrainConfig optimizer.
             * @member {string} optimizer
             * @memberof cohort.v1.TrainConfig
             * @instance
             */
            TrainConfig.prototype.optimizer = "";

            /**
             * TrainConfig proximalMu.
             * @member {number} proximalMu
             * @memberof cohort.v1.TrainConfig
             * @instance
             */
            TrainConfig.prototype.proximalMu = 0;

            /**
             * Creates a new TrainConfig instance using the specified properties.
             * @function create
             * @memberof cohort.v1.TrainConfig
             * @static
             * @param {cohort.v1.TrainConfig.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.TrainConfig} TrainConfig instance
             * @type {{
             *   (properties: cohort.v1.TrainConfig.$Shape): cohort.v1.TrainConfig & cohort.v1.TrainConfig.$Shape;
             *   (properties?: cohort.v1.TrainConfig.$Properties): cohort.v1.TrainConfig;
             * }}
             */
            TrainConfig.create = function(properties) {
                return new TrainConfig(properties);
            };

            /**
             * Encodes the specified TrainConfig message. Does not implicitly {@link cohort.v1.TrainConfig.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.TrainConfig
             * @static
             * @param {cohort.v1.TrainConfig.$Properties} m TrainConfig message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrainConfig.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.epochs != null && $Object.hasOwnProperty.call(m, "epochs") && m.epochs !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.epochs);
                if (m.batchSize != null && $Object.hasOwnProperty.call(m, "batchSize") && m.batchSize !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.batchSize);
                if (m.learningRate != null && $Object.hasOwnProperty.call(m, "learningRate") && !$Object.is(m.learningRate, 0))
                    w.uint32(/* id 3, wireType 5 =*/29).float(m.learningRate);
                if (m.optimizer != null && $Object.hasOwnProperty.call(m, "optimizer") && m.optimizer !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.optimizer);
                if (m.proximalMu != null && $Object.hasOwnProperty.call(m, "proximalMu") && !$Object.is(m.proximalMu, 0))
                    w.uint32(/* id 5, wireType 5 =*/45).float(m.proximalMu);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a TrainConfig message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.TrainConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.TrainConfig & cohort.v1.TrainConfig.$Shape} TrainConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrainConfig.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.TrainConfig();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.epochs = v;
                            else
                                delete m.epochs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.batchSize = v;
                            else
                                delete m.batchSize;
                            continue;
                        }
                    case 3: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.learningRate = v;
                            else
                                delete m.learningRate;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.optimizer = v;
                            else
                                delete m.optimizer;
                            continue;
                        }
                    case 5: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.proximalMu = v;
                            else
                                delete m.proximalMu;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a TrainConfig message.
             * @function verify
             * @memberof cohort.v1.TrainConfig
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TrainConfig.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.epochs != null && $Object.hasOwnProperty.call(m, "epochs")) {
                    if (!$util.isInteger(m.epochs))
                        return "epochs: integer expected";
                }
                if (m.batchSize != null && $Object.hasOwnProperty.call(m, "batchSize")) {
                    if (!$util.isInteger(m.batchSize))
                        return "batchSize: integer expected";
                }
                if (m.learningRate != null && $Object.hasOwnProperty.call(m, "learningRate")) {
                    if (typeof m.learningRate !== "number")
                        return "learningRate: number expected";
                }
                if (m.optimizer != null && $Object.hasOwnProperty.call(m, "optimizer")) {
                    if (!$util.isString(m.optimizer))
                        return "optimizer: string expected";
                }
                if (m.proximalMu != null && $Object.hasOwnProperty.call(m, "proximalMu")) {
                    if (typeof m.proximalMu !== "number")
                        return "proximalMu: number expected";
                }
                return null;
            };

            /**
             * Gets the type url for TrainConfig
             * @function getTypeUrl
             * @memberof cohort.v1.TrainConfig
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrainConfig.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.TrainConfig";
            };

            return TrainConfig;
        })();

        v1.DpConfig = (function() {

            /**
             * Properties of a DpConfig.
             * @typedef {Object} cohort.v1.DpConfig.$Properties
             * @property {string|null} [mode] DpConfig mode
             * @property {number|null} [clipNorm] DpConfig clipNorm
             * @property {number|null} [noiseMultiplier] DpConfig noiseMultiplier
             * @property {number|null} [samplingRate] DpConfig samplingRate
             * @property {number|null} [delta] DpConfig delta
             * @property {number|null} [minSurvivors] DpConfig minSurvivors
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DpConfig.
             * @memberof cohort.v1
             * @interface IDpConfig
             * @augments cohort.v1.DpConfig.$Properties
             * @deprecated Use cohort.v1.DpConfig.$Properties instead.
             */

            /**
             * Shape of a DpConfig.
             * @typedef {cohort.v1.DpConfig.$Properties} cohort.v1.DpConfig.$Shape
             */

            /**
             * Constructs a new DpConfig.
             * @memberof cohort.v1
             * @classdesc Represents a DpConfig.
             * @constructor
             * @param {cohort.v1.DpConfig.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DpConfig = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DpConfig mode.
             * @member {string} mode
             * @memberof cohort.v1.DpConfig
             * @instance
             */
            DpConfig.prototype.mode = "";

            /**
             * DpConfig clipNorm.
             * @member {number} clipNorm
             * @memberof cohort.v1.DpConfig
             * @instance
             */
            DpConfig.prototype.clipNorm = 0;

            /**
             * DpConfig noiseMultiplier.
             * @member {number} noiseMultiplier
             * @memberof cohort.v1.DpConfig
             * @instance
             */
            DpConfig.prototype.noiseMultiplier = 0;

            /**
             * DpConfig samplingRate.
             * @member {number} samplingRate
             * @memberof cohort.v1.DpConfig
             * @instance
             */
            DpConfig.prototype.samplingRate = 0;

            /**
             * DpConfig delta.
             * @member {number} delta
             * @memberof cohort.v1.DpConfig
             * @instance
             */
            DpConfig.prototype.delta = 0;

            /**
             * DpConfig minSurvivors.
             * @member {number} minSurvivors
             * @memberof cohort.v1.DpConfig
             * @instance
             */
            DpConfig.prototype.minSurvivors = 0;

            /**
             * Creates a new DpConfig instance using the specified properties.
             * @function create
             * @memberof cohort.v1.DpConfig
             * @static
             * @param {cohort.v1.DpConfig.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.DpConfig} DpConfig instance
             * @type {{
             *   (properties: cohort.v1.DpConfig.$Shape): cohort.v1.DpConfig & cohort.v1.DpConfig.$Shape;
             *   (properties?: cohort.v1.DpConfig.$Properties): cohort.v1.DpConfig;
             * }}
             */
            DpConfig.create = function(properties) {
                return new DpConfig(properties);
            };

            /**
             * Encodes the specified DpConfig message. Does not implicitly {@link cohort.v1.DpConfig.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.DpConfig
             * @static
             * @param {cohort.v1.DpConfig.$Properties} m DpConfig message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DpConfig.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode") && m.mode !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.mode);
                if (m.clipNorm != null && $Object.hasOwnProperty.call(m, "clipNorm") && !$Object.is(m.clipNorm, 0))
                    w.uint32(/* id 2, wireType 5 =*/21).float(m.clipNorm);
                if (m.noiseMultiplier != null && $Object.hasOwnProperty.call(m, "noiseMultiplier") && !$Object.is(m.noiseMultiplier, 0))
                    w.uint32(/* id 3, wireType 5 =*/29).float(m.noiseMultiplier);
                if (m.samplingRate != null && $Object.hasOwnProperty.call(m, "samplingRate") && !$Object.is(m.samplingRate, 0))
                    w.uint32(/* id 4, wireType 5 =*/37).float(m.samplingRate);
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && !$Object.is(m.delta, 0))
                    w.uint32(/* id 5, wireType 1 =*/41).double(m.delta);
                if (m.minSurvivors != null && $Object.hasOwnProperty.call(m, "minSurvivors") && m.minSurvivors !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.minSurvivors);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DpConfig message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.DpConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.DpConfig & cohort.v1.DpConfig.$Shape} DpConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DpConfig.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.DpConfig();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.mode = v;
                            else
                                delete m.mode;
                            continue;
                        }
                    case 2: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.clipNorm = v;
                            else
                                delete m.clipNorm;
                            continue;
                        }
                    case 3: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.noiseMultiplier = v;
                            else
                                delete m.noiseMultiplier;
                            continue;
                        }
                    case 4: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.samplingRate = v;
                            else
                                delete m.samplingRate;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.minSurvivors = v;
                            else
                                delete m.minSurvivors;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a DpConfig message.
             * @function verify
             * @memberof cohort.v1.DpConfig
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DpConfig.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.mode != null && $Object.hasOwnProperty.call(m, "mode")) {
                    if (!$util.isString(m.mode))
                        return "mode: string expected";
                }
                if (m.clipNorm != null && $Object.hasOwnProperty.call(m, "clipNorm")) {
                    if (typeof m.clipNorm !== "number")
                        return "clipNorm: number expected";
                }
                if (m.noiseMultiplier != null && $Object.hasOwnProperty.call(m, "noiseMultiplier")) {
                    if (typeof m.noiseMultiplier !== "number")
                        return "noiseMultiplier: number expected";
                }
                if (m.samplingRate != null && $Object.hasOwnProperty.call(m, "samplingRate")) {
                    if (typeof m.samplingRate !== "number")
                        return "samplingRate: number expected";
                }
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    if (typeof m.delta !== "number")
                        return "delta: number expected";
                }
                if (m.minSurvivors != null && $Object.hasOwnProperty.call(m, "minSurvivors")) {
                    if (!$util.isInteger(m.minSurvivors))
                        return "minSurvivors: integer expected";
                }
                return null;
            };

            /**
             * Gets the type url for DpConfig
             * @function getTypeUrl
             * @memberof cohort.v1.DpConfig
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DpConfig.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.DpConfig";
            };

            return DpConfig;
        })();

        v1.RecordDpConfig = (function() {

            /**
             * Properties of a RecordDpConfig.
             * @typedef {Object} cohort.v1.RecordDpConfig.$Properties
             * @property {number|null} [clipNorm] RecordDpConfig clipNorm
             * @property {number|null} [noiseMultiplier] RecordDpConfig noiseMultiplier
             * @property {number|null} [expectedLotSize] RecordDpConfig expectedLotSize
             * @property {number|null} [localSteps] RecordDpConfig localSteps
             * @property {number|null} [delta] RecordDpConfig delta
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RecordDpConfig.
             * @memberof cohort.v1
             * @interface IRecordDpConfig
             * @augments cohort.v1.RecordDpConfig.$Properties
             * @deprecated Use cohort.v1.RecordDpConfig.$Properties instead.
             */

            /**
             * Shape of a RecordDpConfig.
             * @typedef {cohort.v1.RecordDpConfig.$Properties} cohort.v1.RecordDpConfig.$Shape
             */

            /**
             * Constructs a new RecordDpConfig.
             * @memberof cohort.v1
             * @classdesc Represents a RecordDpConfig.
             * @constructor
             * @param {cohort.v1.RecordDpConfig.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RecordDpConfig = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RecordDpConfig clipNorm.
             * @member {number} clipNorm
             * @memberof cohort.v1.RecordDpConfig
             * @instance
             */
            RecordDpConfig.prototype.clipNorm = 0;

            /**
             * RecordDpConfig noiseMultiplier.
             * @member {number} noiseMultiplier
             * @memberof cohort.v1.RecordDpConfig
             * @instance
             */
            RecordDpConfig.prototype.noiseMultiplier = 0;

            /**
             * RecordDpConfig expectedLotSize.
             * @member {number} expectedLotSize
             * @memberof cohort.v1.RecordDpConfig
             * @instance
             */
            RecordDpConfig.prototype.expectedLotSize = 0;

            /**
             * RecordDpConfig localSteps.
             * @member {number} localSteps
             * @memberof cohort.v1.RecordDpConfig
             * @instance
             */
            RecordDpConfig.prototype.localSteps = 0;

            /**
             * RecordDpConfig delta.
             * @member {number} delta
             * @memberof cohort.v1.RecordDpConfig
             * @instance
             */
            RecordDpConfig.prototype.delta = 0;

            /**
             * Creates a new RecordDpConfig instance using the specified properties.
             * @function create
             * @memberof cohort.v1.RecordDpConfig
             * @static
             * @param {cohort.v1.RecordDpConfig.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.RecordDpConfig} RecordDpConfig instance
             * @type {{
             *   (properties: cohort.v1.RecordDpConfig.$Shape): cohort.v1.RecordDpConfig & cohort.v1.RecordDpConfig.$Shape;
             *   (properties?: cohort.v1.RecordDpConfig.$Properties): cohort.v1.RecordDpConfig;
             * }}
             */
            RecordDpConfig.create = function(properties) {
                return new RecordDpConfig(properties);
            };

            /**
             * Encodes the specified RecordDpConfig message. Does not implicitly {@link cohort.v1.RecordDpConfig.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.RecordDpConfig
             * @static
             * @param {cohort.v1.RecordDpConfig.$Properties} m RecordDpConfig message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RecordDpConfig.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.clipNorm != null && $Object.hasOwnProperty.call(m, "clipNorm") && !$Object.is(m.clipNorm, 0))
                    w.uint32(/* id 1, wireType 5 =*/13).float(m.clipNorm);
                if (m.noiseMultiplier != null && $Object.hasOwnProperty.call(m, "noiseMultiplier") && !$Object.is(m.noiseMultiplier, 0))
                    w.uint32(/* id 2, wireType 5 =*/21).float(m.noiseMultiplier);
                if (m.expectedLotSize != null && $Object.hasOwnProperty.call(m, "expectedLotSize") && m.expectedLotSize !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.expectedLotSize);
                if (m.localSteps != null && $Object.hasOwnProperty.call(m, "localSteps") && m.localSteps !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.localSteps);
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && !$Object.is(m.delta, 0))
                    w.uint32(/* id 5, wireType 1 =*/41).double(m.delta);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RecordDpConfig message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.RecordDpConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.RecordDpConfig & cohort.v1.RecordDpConfig.$Shape} RecordDpConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RecordDpConfig.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.RecordDpConfig();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.clipNorm = v;
                            else
                                delete m.clipNorm;
                            continue;
                        }
                    case 2: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.noiseMultiplier = v;
                            else
                                delete m.noiseMultiplier;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.expectedLotSize = v;
                            else
                                delete m.expectedLotSize;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.localSteps = v;
                            else
                                delete m.localSteps;
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a RecordDpConfig message.
             * @function verify
             * @memberof cohort.v1.RecordDpConfig
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RecordDpConfig.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.clipNorm != null && $Object.hasOwnProperty.call(m, "clipNorm")) {
                    if (typeof m.clipNorm !== "number")
                        return "clipNorm: number expected";
                }
                if (m.noiseMultiplier != null && $Object.hasOwnProperty.call(m, "noiseMultiplier")) {
                    if (typeof m.noiseMultiplier !== "number")
                        return "noiseMultiplier: number expected";
                }
                if (m.expectedLotSize != null && $Object.hasOwnProperty.call(m, "expectedLotSize")) {
                    if (!$util.isInteger(m.expectedLotSize))
                        return "expectedLotSize: integer expected";
                }
                if (m.localSteps != null && $Object.hasOwnProperty.call(m, "localSteps")) {
                    if (!$util.isInteger(m.localSteps))
                        return "localSteps: integer expected";
                }
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    if (typeof m.delta !== "number")
                        return "delta: number expected";
                }
                return null;
            };

            /**
             * Gets the type url for RecordDpConfig
             * @function getTypeUrl
             * @memberof cohort.v1.RecordDpConfig
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RecordDpConfig.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.RecordDpConfig";
            };

            return RecordDpConfig;
        })();

        v1.Participant = (function() {

            /**
             * Properties of a Participant.
             * @typedef {Object} cohort.v1.Participant.$Properties
             * @property {string|null} [agency] Participant agency
             * @property {Uint8Array|null} [identityKey] Participant identityKey
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Participant.
             * @memberof cohort.v1
             * @interface IParticipant
             * @augments cohort.v1.Participant.$Properties
             * @deprecated Use cohort.v1.Participant.$Properties instead.
             */

            /**
             * Shape of a Participant.
             * @typedef {cohort.v1.Participant.$Properties} cohort.v1.Participant.$Shape
             */

            /**
             * Constructs a new Participant.
             * @memberof cohort.v1
             * @classdesc Represents a Participant.
             * @constructor
             * @param {cohort.v1.Participant.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Participant = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Participant agency.
             * @member {string} agency
             * @memberof cohort.v1.Participant
             * @instance
             */
            Participant.prototype.agency = "";

            /**
             * Participant identityKey.
             * @member {Uint8Array} identityKey
             * @memberof cohort.v1.Participant
             * @instance
             */
            Participant.prototype.identityKey = $util.newBuffer([]);

            /**
             * Creates a new Participant instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Participant
             * @static
             * @param {cohort.v1.Participant.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Participant} Participant instance
             * @type {{
             *   (properties: cohort.v1.Participant.$Shape): cohort.v1.Participant & cohort.v1.Participant.$Shape;
             *   (properties?: cohort.v1.Participant.$Properties): cohort.v1.Participant;
             * }}
             */
            Participant.create = function(properties) {
                return new Participant(properties);
            };

            /**
             * Encodes the specified Participant message. Does not implicitly {@link cohort.v1.Participant.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Participant
             * @static
             * @param {cohort.v1.Participant.$Properties} m Participant message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Participant.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency") && m.agency !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.agency);
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey") && m.identityKey.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.identityKey);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Participant message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Participant
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Participant & cohort.v1.Participant.$Shape} Participant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Participant.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Participant();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agency = v;
                            else
                                delete m.agency;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.identityKey = v;
                            else
                                delete m.identityKey;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Participant message.
             * @function verify
             * @memberof cohort.v1.Participant
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Participant.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency")) {
                    if (!$util.isString(m.agency))
                        return "agency: string expected";
                }
                if (m.identityKey != null && $Object.hasOwnProperty.call(m, "identityKey")) {
                    if (!(m.identityKey && typeof m.identityKey.length === "number" || $util.isString(m.identityKey)))
                        return "identityKey: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for Participant
             * @function getTypeUrl
             * @memberof cohort.v1.Participant
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Participant.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Participant";
            };

            return Participant;
        })();

        v1.RoundOffer = (function() {

            /**
             * Properties of a RoundOffer.
             * @typedef {Object} cohort.v1.RoundOffer.$Properties
             * @property {string|null} [runId] RoundOffer runId
             * @property {number|null} [round] RoundOffer round
             * @property {string|null} [purpose] RoundOffer purpose
             * @property {string|null} [architecture] RoundOffer architecture
             * @property {string|null} [modelFingerprint] RoundOffer modelFingerprint
             * @property {string|null} [modelTopology] RoundOffer modelTopology
             * @property {Uint8Array|null} [weights] RoundOffer weights
             * @property {cohort.v1.TrainConfig.$Properties|null} [train] RoundOffer train
             * @property {cohort.v1.SecAggConfig.$Properties|null} [secagg] RoundOffer secagg
             * @property {cohort.v1.DpConfig.$Properties|null} [dp] RoundOffer dp
             * @property {Array.<cohort.v1.Participant.$Properties>|null} [cohort] RoundOffer cohort
             * @property {number|null} [deadlineMs] RoundOffer deadlineMs
             * @property {number|null} [weightCap] RoundOffer weightCap
             * @property {Uint8Array|null} [roster] RoundOffer roster
             * @property {string|null} [kind] RoundOffer kind
             * @property {cohort.v1.Evaluation.$Properties|null} [evaluation] RoundOffer evaluation
             * @property {string|null} [tableSchema] RoundOffer tableSchema
             * @property {string|null} [statisticsTotals] RoundOffer statisticsTotals
             * @property {cohort.v1.InputShape.$Properties|null} [input] RoundOffer input
             * @property {cohort.v1.RecordDpConfig.$Properties|null} [recordDp] RoundOffer recordDp
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoundOffer.
             * @memberof cohort.v1
             * @interface IRoundOffer
             * @augments cohort.v1.RoundOffer.$Properties
             * @deprecated Use cohort.v1.RoundOffer.$Properties instead.
             */

            /**
             * Shape of a RoundOffer.
             * @typedef {cohort.v1.RoundOffer.$Properties} cohort.v1.RoundOffer.$Shape
             */

            /**
             * Constructs a new RoundOffer.
             * @memberof cohort.v1
             * @classdesc Represents a RoundOffer.
             * @constructor
             * @param {cohort.v1.RoundOffer.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoundOffer = function (p) {
                this.cohort = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoundOffer runId.
             * @member {string} runId
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.runId = "";

            /**
             * RoundOffer round.
             * @member {number} round
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.round = 0;

            /**
             * RoundOffer purpose.
             * @member {string} purpose
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.purpose = "";

            /**
             * RoundOffer architecture.
             * @member {string} architecture
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.architecture = "";

            /**
             * RoundOffer modelFingerprint.
             * @member {string} modelFingerprint
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.modelFingerprint = "";

            /**
             * RoundOffer modelTopology.
             * @member {string} modelTopology
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.modelTopology = "";

            /**
             * RoundOffer weights.
             * @member {Uint8Array} weights
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.weights = $util.newBuffer([]);

            /**
             * RoundOffer train.
             * @member {cohort.v1.TrainConfig.$Properties|null|undefined} train
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.train = null;

            /**
             * RoundOffer secagg.
             * @member {cohort.v1.SecAggConfig.$Properties|null|undefined} secagg
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.secagg = null;

            /**
             * RoundOffer dp.
             * @member {cohort.v1.DpConfig.$Properties|null|undefined} dp
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.dp = null;

            /**
             * RoundOffer cohort.
             * @member {Array.<cohort.v1.Participant.$Properties>} cohort
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.cohort = $util.emptyArray;

            /**
             * RoundOffer deadlineMs.
             * @member {number} deadlineMs
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.deadlineMs = 0;

            /**
             * RoundOffer weightCap.
             * @member {number} weightCap
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.weightCap = 0;

            /**
             * RoundOffer roster.
             * @member {Uint8Array} roster
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.roster = $util.newBuffer([]);

            /**
             * RoundOffer kind.
             * @member {string} kind
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.kind = "";

            /**
             * RoundOffer evaluation.
             * @member {cohort.v1.Evaluation.$Properties|null|undefined} evaluation
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.evaluation = null;

            /**
             * RoundOffer tableSchema.
             * @member {string} tableSchema
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.tableSchema = "";

            /**
             * RoundOffer statisticsTotals.
             * @member {string} statisticsTotals
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.statisticsTotals = "";

            /**
             * RoundOffer input.
             * @member {cohort.v1.InputShape.$Properties|null|undefined} input
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.input = null;

            /**
             * RoundOffer recordDp.
             * @member {cohort.v1.RecordDpConfig.$Properties|null|undefined} recordDp
             * @memberof cohort.v1.RoundOffer
             * @instance
             */
            RoundOffer.prototype.recordDp = null;

            /**
             * Creates a new RoundOffer instance using the specified properties.
             * @function create
             * @memberof cohort.v1.RoundOffer
             * @static
             * @param {cohort.v1.RoundOffer.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.RoundOffer} RoundOffer instance
             * @type {{
             *   (properties: cohort.v1.RoundOffer.$Shape): cohort.v1.RoundOffer & cohort.v1.RoundOffer.$Shape;
             *   (properties?: cohort.v1.RoundOffer.$Properties): cohort.v1.RoundOffer;
             * }}
             */
            RoundOffer.create = function(properties) {
                return new RoundOffer(properties);
            };

            /**
             * Encodes the specified RoundOffer message. Does not implicitly {@link cohort.v1.RoundOffer.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.RoundOffer
             * @static
             * @param {cohort.v1.RoundOffer.$Properties} m RoundOffer message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoundOffer.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.runId);
                if (m.round != null && $Object.hasOwnProperty.call(m, "round") && m.round !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.round);
                if (m.purpose != null && $Object.hasOwnProperty.call(m, "purpose") && m.purpose !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.purpose);
                if (m.architecture != null && $Object.hasOwnProperty.call(m, "architecture") && m.architecture !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.architecture);
                if (m.modelFingerprint != null && $Object.hasOwnProperty.call(m, "modelFingerprint") && m.modelFingerprint !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.modelFingerprint);
                if (m.modelTopology != null && $Object.hasOwnProperty.call(m, "modelTopology") && m.modelTopology !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.modelTopology);
                if (m.weights != null && $Object.hasOwnProperty.call(m, "weights") && m.weights.length)
                    w.uint32(/* id 7, wireType 2 =*/58).bytes(m.weights);
                if (m.train != null && $Object.hasOwnProperty.call(m, "train"))
                    $root.cohort.v1.TrainConfig.encode(m.train, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.secagg != null && $Object.hasOwnProperty.call(m, "secagg"))
                    $root.cohort.v1.SecAggConfig.encode(m.secagg, w.uint32(/* id 9, wireType 2 =*/74).fork(), q + 1).ldelim();
                if (m.dp != null && $Object.hasOwnProperty.call(m, "dp"))
                    $root.cohort.v1.DpConfig.encode(m.dp, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.cohort != null && m.cohort.length) {
                    for (var i = 0; i < m.cohort.length; ++i)
                        $root.cohort.v1.Participant.encode(m.cohort[i], w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                }
                if (m.deadlineMs != null && $Object.hasOwnProperty.call(m, "deadlineMs") && m.deadlineMs !== 0)
                    w.uint32(/* id 12, wireType 0 =*/96).uint32(m.deadlineMs);
                if (m.weightCap != null && $Object.hasOwnProperty.call(m, "weightCap") && m.weightCap !== 0)
                    w.uint32(/* id 13, wireType 0 =*/104).uint32(m.weightCap);
                if (m.roster != null && $Object.hasOwnProperty.call(m, "roster") && m.roster.length)
                    w.uint32(/* id 14, wireType 2 =*/114).bytes(m.roster);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(/* id 20, wireType 2 =*/162).string(m.kind);
                if (m.evaluation != null && $Object.hasOwnProperty.call(m, "evaluation"))
                    $root.cohort.v1.Evaluation.encode(m.evaluation, w.uint32(/* id 21, wireType 2 =*/170).fork(), q + 1).ldelim();
                if (m.tableSchema != null && $Object.hasOwnProperty.call(m, "tableSchema") && m.tableSchema !== "")
                    w.uint32(/* id 22, wireType 2 =*/178).string(m.tableSchema);
                if (m.statisticsTotals != null && $Object.hasOwnProperty.call(m, "statisticsTotals") && m.statisticsTotals !== "")
                    w.uint32(/* id 23, wireType 2 =*/186).string(m.statisticsTotals);
                if (m.input != null && $Object.hasOwnProperty.call(m, "input"))
                    $root.cohort.v1.InputShape.encode(m.input, w.uint32(/* id 24, wireType 2 =*/194).fork(), q + 1).ldelim();
                if (m.recordDp != null && $Object.hasOwnProperty.call(m, "recordDp"))
                    $root.cohort.v1.RecordDpConfig.encode(m.recordDp, w.uint32(/* id 30, wireType 2 =*/242).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoundOffer message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.RoundOffer
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.RoundOffer & cohort.v1.RoundOffer.$Shape} RoundOffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoundOffer.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.RoundOffer();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.round = v;
                            else
                                delete m.round;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.purpose = v;
                            else
                                delete m.purpose;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.architecture = v;
                            else
                                delete m.architecture;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.modelFingerprint = v;
                            else
                                delete m.modelFingerprint;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.modelTopology = v;
                            else
                                delete m.modelTopology;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.weights = v;
                            else
                                delete m.weights;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.train = $root.cohort.v1.TrainConfig.decode(r, r.size(), $undefined, q + 1, m.train);
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            m.secagg = $root.cohort.v1.SecAggConfig.decode(r, r.size(), $undefined, q + 1, m.secagg);
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.dp = $root.cohort.v1.DpConfig.decode(r, r.size(), $undefined, q + 1, m.dp);
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.cohort && m.cohort.length))
                                m.cohort = [];
                            m.cohort.push($root.cohort.v1.Participant.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.deadlineMs = v;
                            else
                                delete m.deadlineMs;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.weightCap = v;
                            else
                                delete m.weightCap;
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.roster = v;
                            else
                                delete m.roster;
                            continue;
                        }
                    case 20: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 21: {
                            if (u !== 2)
                                break;
                            m.evaluation = $root.cohort.v1.Evaluation.decode(r, r.size(), $undefined, q + 1, m.evaluation);
                            continue;
                        }
                    case 22: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tableSchema = v;
                            else
                                delete m.tableSchema;
                            continue;
                        }
                    case 23: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.statisticsTotals = v;
                            else
                                delete m.statisticsTotals;
                            continue;
                        }
                    case 24: {
                            if (u !== 2)
                                break;
                            m.input = $root.cohort.v1.InputShape.decode(r, r.size(), $undefined, q + 1, m.input);
                            continue;
                        }
                    case 30: {
                            if (u !== 2)
                                break;
                            m.recordDp = $root.cohort.v1.RecordDpConfig.decode(r, r.size(), $undefined, q + 1, m.recordDp);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a RoundOffer message.
             * @function verify
             * @memberof cohort.v1.RoundOffer
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RoundOffer.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.round != null && $Object.hasOwnProperty.call(m, "round")) {
                    if (!$util.isInteger(m.round))
                        return "round: integer expected";
                }
                if (m.purpose != null && $Object.hasOwnProperty.call(m, "purpose")) {
                    if (!$util.isString(m.purpose))
                        return "purpose: string expected";
                }
                if (m.architecture != null && $Object.hasOwnProperty.call(m, "architecture")) {
                    if (!$util.isString(m.architecture))
                        return "architecture: string expected";
                }
                if (m.modelFingerprint != null && $Object.hasOwnProperty.call(m, "modelFingerprint")) {
                    if (!$util.isString(m.modelFingerprint))
                        return "modelFingerprint: string expected";
                }
                if (m.modelTopology != null && $Object.hasOwnProperty.call(m, "modelTopology")) {
                    if (!$util.isString(m.modelTopology))
                        return "modelTopology: string expected";
                }
                if (m.weights != null && $Object.hasOwnProperty.call(m, "weights")) {
                    if (!(m.weights && typeof m.weights.length === "number" || $util.isString(m.weights)))
                        return "weights: buffer expected";
                }
                if (m.train != null && $Object.hasOwnProperty.call(m, "train")) {
                    {
                        var e = $root.cohort.v1.TrainConfig.verify(m.train, q + 1);
                        if (e)
                            return "train." + e;
                    }
                }
                if (m.secagg != null && $Object.hasOwnProperty.call(m, "secagg")) {
                    {
                        var e = $root.cohort.v1.SecAggConfig.verify(m.secagg, q + 1);
                        if (e)
                            return "secagg." + e;
                    }
                }
                if (m.dp != null && $Object.hasOwnProperty.call(m, "dp")) {
                    {
                        var e = $root.cohort.v1.DpConfig.verify(m.dp, q + 1);
                        if (e)
                            return "dp." + e;
                    }
                }
                if (m.cohort != null && $Object.hasOwnProperty.call(m, "cohort")) {
                    if (!$Array.isArray(m.cohort))
                        return "cohort: array expected";
                    for (var i = 0; i < m.cohort.length; ++i) {
                        {
                            var e = $root.cohort.v1.Participant.verify(m.cohort[i], q + 1);
                            if (e)
                                return "cohort." + e;
                        }
                    }
                }
                if (m.deadlineMs != null && $Object.hasOwnProperty.call(m, "deadlineMs")) {
                    if (!$util.isInteger(m.deadlineMs))
                        return "deadlineMs: integer expected";
                }
                if (m.weightCap != null && $Object.hasOwnProperty.call(m, "weightCap")) {
                    if (!$util.isInteger(m.weightCap))
                        return "weightCap: integer expected";
                }
                if (m.roster != null && $Object.hasOwnProperty.call(m, "roster")) {
                    if (!(m.roster && typeof m.roster.length === "number" || $util.isString(m.roster)))
                        return "roster: buffer expected";
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.evaluation != null && $Object.hasOwnProperty.call(m, "evaluation")) {
                    {
                        var e = $root.cohort.v1.Evaluation.verify(m.evaluation, q + 1);
                        if (e)
                            return "evaluation." + e;
                    }
                }
                if (m.tableSchema != null && $Object.hasOwnProperty.call(m, "tableSchema")) {
                    if (!$util.isString(m.tableSchema))
                        return "tableSchema: string expected";
                }
                if (m.statisticsTotals != null && $Object.hasOwnProperty.call(m, "statisticsTotals")) {
                    if (!$util.isString(m.statisticsTotals))
                        return "statisticsTotals: string expected";
                }
                if (m.input != null && $Object.hasOwnProperty.call(m, "input")) {
                    {
                        var e = $root.cohort.v1.InputShape.verify(m.input, q + 1);
                        if (e)
                            return "input." + e;
                    }
                }
                if (m.recordDp != null && $Object.hasOwnProperty.call(m, "recordDp")) {
                    {
                        var e = $root.cohort.v1.RecordDpConfig.verify(m.recordDp, q + 1);
                        if (e)
                            return "recordDp." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for RoundOffer
             * @function getTypeUrl
             * @memberof cohort.v1.RoundOffer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoundOffer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.RoundOffer";
            };

            return RoundOffer;
        })();

        v1.Evaluation = (function() {

            /**
             * Properties of an Evaluation.
             * @typedef {Object} cohort.v1.Evaluation.$Properties
             * @property {number|null} [validationFraction] Evaluation validationFraction
             * @property {boolean|null} [validate] Evaluation validate
             * @property {string|null} [task] Evaluation task
             * @property {number|null} [classes] Evaluation classes
             * @property {number|null} [bins] Evaluation bins
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Evaluation.
             * @memberof cohort.v1
             * @interface IEvaluation
             * @augments cohort.v1.Evaluation.$Properties
             * @deprecated Use cohort.v1.Evaluation.$Properties instead.
             */

            /**
             * Shape of an Evaluation.
             * @typedef {cohort.v1.Evaluation.$Properties} cohort.v1.Evaluation.$Shape
             */

            /**
             * Constructs a new Evaluation.
             * @memberof cohort.v1
             * @classdesc Represents an Evaluation.
             * @constructor
             * @param {cohort.v1.Evaluation.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Evaluation = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Evaluation validationFraction.
             * @member {number} validationFraction
             * @memberof cohort.v1.Evaluation
             * @instance
             */
            Evaluation.prototype.validationFraction = 0;

            /**
             * Evaluation validate.
             * @member {boolean} validate
             * @memberof cohort.v1.Evaluation
             * @instance
             */
            Evaluation.prototype.validate = false;

            /**
             * Evaluation task.
             * @member {string} task
             * @memberof cohort.v1.Evaluation
             * @instance
             */
            Evaluation.prototype.task = "";

            /**
             * Evaluation classes.
             * @member {number} classes
             * @memberof cohort.v1.Evaluation
             * @instance
             */
            Evaluation.prototype.classes = 0;

            /**
             * Evaluation bins.
             * @member {number} bins
             * @memberof cohort.v1.Evaluation
             * @instance
             */
            Evaluation.prototype.bins = 0;

            /**
             * Creates a new Evaluation instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Evaluation
             * @static
             * @param {cohort.v1.Evaluation.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Evaluation} Evaluation instance
             * @type {{
             *   (properties: cohort.v1.Evaluation.$Shape): cohort.v1.Evaluation & cohort.v1.Evaluation.$Shape;
             *   (properties?: cohort.v1.Evaluation.$Properties): cohort.v1.Evaluation;
             * }}
             */
            Evaluation.create = function(properties) {
                return new Evaluation(properties);
            };

            /**
             * Encodes the specified Evaluation message. Does not implicitly {@link cohort.v1.Evaluation.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Evaluation
             * @static
             * @param {cohort.v1.Evaluation.$Properties} m Evaluation message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Evaluation.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.validationFraction != null && $Object.hasOwnProperty.call(m, "validationFraction") && !$Object.is(m.validationFraction, 0))
                    w.uint32(/* id 1, wireType 1 =*/9).double(m.validationFraction);
                if (m.validate != null && $Object.hasOwnProperty.call(m, "validate") && m.validate !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.validate);
                if (m.task != null && $Object.hasOwnProperty.call(m, "task") && m.task !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.task);
                if (m.classes != null && $Object.hasOwnProperty.call(m, "classes") && m.classes !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.classes);
                if (m.bins != null && $Object.hasOwnProperty.call(m, "bins") && m.bins !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.bins);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Evaluation message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Evaluation
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Evaluation & cohort.v1.Evaluation.$Shape} Evaluation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Evaluation.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Evaluation();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.validationFraction = v;
                            else
                                delete m.validationFraction;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.validate = v;
                            else
                                delete m.validate;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.task = v;
                            else
                                delete m.task;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.classes = v;
                            else
                                delete m.classes;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.bins = v;
                            else
                                delete m.bins;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an Evaluation message.
             * @function verify
             * @memberof cohort.v1.Evaluation
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Evaluation.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.validationFraction != null && $Object.hasOwnProperty.call(m, "validationFraction")) {
                    if (typeof m.validationFraction !== "number")
                        return "validationFraction: number expected";
                }
                if (m.validate != null && $Object.hasOwnProperty.call(m, "validate")) {
                    if (typeof m.validate !== "boolean")
                        return "validate: boolean expected";
                }
                if (m.task != null && $Object.hasOwnProperty.call(m, "task")) {
                    if (!$util.isString(m.task))
                        return "task: string expected";
                }
                if (m.classes != null && $Object.hasOwnProperty.call(m, "classes")) {
                    if (!$util.isInteger(m.classes))
                        return "classes: integer expected";
                }
                if (m.bins != null && $Object.hasOwnProperty.call(m, "bins")) {
                    if (!$util.isInteger(m.bins))
                        return "bins: integer expected";
                }
                return null;
            };

            /**
             * Gets the type url for Evaluation
             * @function getTypeUrl
             * @memberof cohort.v1.Evaluation
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Evaluation.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Evaluation";
            };

            return Evaluation;
        })();

        v1.InputShape = (function() {

            /**
             * Properties of an InputShape.
             * @typedef {Object} cohort.v1.InputShape.$Properties
             * @property {boolean|null} [trainingTotals] InputShape trainingTotals
             * @property {number|null} [validationCounts] InputShape validationCounts
             * @property {number|null} [validationSums] InputShape validationSums
             * @property {number|null} [statisticsCounts] InputShape statisticsCounts
             * @property {number|null} [statisticsSums] InputShape statisticsSums
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InputShape.
             * @memberof cohort.v1
             * @interface IInputShape
             * @augments cohort.v1.InputShape.$Properties
             * @deprecated Use cohort.v1.InputShape.$Properties instead.
             */

            /**
             * Shape of an InputShape.
             * @typedef {cohort.v1.InputShape.$Properties} cohort.v1.InputShape.$Shape
             */

            /**
             * Constructs a new InputShape.
             * @memberof cohort.v1
             * @classdesc Represents an InputShape.
             * @constructor
             * @param {cohort.v1.InputShape.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InputShape = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * InputShape trainingTotals.
             * @member {boolean} trainingTotals
             * @memberof cohort.v1.InputShape
             * @instance
             */
            InputShape.prototype.trainingTotals = false;

            /**
             * InputShape validationCounts.
             * @member {number} validationCounts
             * @memberof cohort.v1.InputShape
             * @instance
             */
            InputShape.prototype.validationCounts = 0;

            /**
             * InputShape validationSums.
             * @member {number} validationSums
             * @memberof cohort.v1.InputShape
             * @instance
             */
            InputShape.prototype.validationSums = 0;

            /**
             * InputShape statisticsCounts.
             * @member {number} statisticsCounts
             * @memberof cohort.v1.InputShape
             * @instance
             */
            InputShape.prototype.statisticsCounts = 0;

            /**
             * InputShape statisticsSums.
             * @member {number} statisticsSums
             * @memberof cohort.v1.InputShape
             * @instance
             */
            InputShape.prototype.statisticsSums = 0;

            /**
             * Creates a new InputShape instance using the specified properties.
             * @function create
             * @memberof cohort.v1.InputShape
             * @static
             * @param {cohort.v1.InputShape.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.InputShape} InputShape instance
             * @type {{
             *   (properties: cohort.v1.InputShape.$Shape): cohort.v1.InputShape & cohort.v1.InputShape.$Shape;
             *   (properties?: cohort.v1.InputShape.$Properties): cohort.v1.InputShape;
             * }}
             */
            InputShape.create = function(properties) {
                return new InputShape(properties);
            };

            /**
             * Encodes the specified InputShape message. Does not implicitly {@link cohort.v1.InputShape.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.InputShape
             * @static
             * @param {cohort.v1.InputShape.$Properties} m InputShape message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InputShape.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.trainingTotals != null && $Object.hasOwnProperty.call(m, "trainingTotals") && m.trainingTotals !== false)
                    w.uint32(/* id 1, wireType 0 =*/8).bool(m.trainingTotals);
                if (m.validationCounts != null && $Object.hasOwnProperty.call(m, "validationCounts") && m.validationCounts !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.validationCounts);
                if (m.validationSums != null && $Object.hasOwnProperty.call(m, "validationSums") && m.validationSums !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.validationSums);
                if (m.statisticsCounts != null && $Object.hasOwnProperty.call(m, "statisticsCounts") && m.statisticsCounts !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.statisticsCounts);
                if (m.statisticsSums != null && $Object.hasOwnProperty.call(m, "statisticsSums") && m.statisticsSums !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.statisticsSums);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an InputShape message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.InputShape
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.InputShape & cohort.v1.InputShape.$Shape} InputShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InputShape.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.InputShape();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.trainingTotals = v;
                            else
                                delete m.trainingTotals;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.validationCounts = v;
                            else
                                delete m.validationCounts;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.validationSums = v;
                            else
                                delete m.validationSums;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.statisticsCounts = v;
                            else
                                delete m.statisticsCounts;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.statisticsSums = v;
                            else
                                delete m.statisticsSums;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an InputShape message.
             * @function verify
             * @memberof cohort.v1.InputShape
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InputShape.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.trainingTotals != null && $Object.hasOwnProperty.call(m, "trainingTotals")) {
                    if (typeof m.trainingTotals !== "boolean")
                        return "trainingTotals: boolean expected";
                }
                if (m.validationCounts != null && $Object.hasOwnProperty.call(m, "validationCounts")) {
                    if (!$util.isInteger(m.validationCounts))
                        return "validationCounts: integer expected";
                }
                if (m.validationSums != null && $Object.hasOwnProperty.call(m, "validationSums")) {
                    if (!$util.isInteger(m.validationSums))
                        return "validationSums: integer expected";
                }
                if (m.statisticsCounts != null && $Object.hasOwnProperty.call(m, "statisticsCounts")) {
                    if (!$util.isInteger(m.statisticsCounts))
                        return "statisticsCounts: integer expected";
                }
                if (m.statisticsSums != null && $Object.hasOwnProperty.call(m, "statisticsSums")) {
                    if (!$util.isInteger(m.statisticsSums))
                        return "statisticsSums: integer expected";
                }
                return null;
            };

            /**
             * Gets the type url for InputShape
             * @function getTypeUrl
             * @memberof cohort.v1.InputShape
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InputShape.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.InputShape";
            };

            return InputShape;
        })();

        v1.RoundAnswer = (function() {

            /**
             * Properties of a RoundAnswer.
             * @typedef {Object} cohort.v1.RoundAnswer.$Properties
             * @property {boolean|null} [accept] RoundAnswer accept
             * @property {string|null} [code] RoundAnswer code
             * @property {string|null} [reason] RoundAnswer reason
             * @property {number|null} [examples] RoundAnswer examples
             * @property {cohort.v1.DatasetFingerprint.$Properties|null} [dataset] RoundAnswer dataset
             * @property {cohort.v1.KeyAdvert.$Properties|null} [keyAdvert] RoundAnswer keyAdvert
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoundAnswer.
             * @memberof cohort.v1
             * @interface IRoundAnswer
             * @augments cohort.v1.RoundAnswer.$Properties
             * @deprecated Use cohort.v1.RoundAnswer.$Properties instead.
             */

            /**
             * Shape of a RoundAnswer.
             * @typedef {cohort.v1.RoundAnswer.$Properties} cohort.v1.RoundAnswer.$Shape
             */

            /**
             * Constructs a new RoundAnswer.
             * @memberof cohort.v1
             * @classdesc Represents a RoundAnswer.
             * @constructor
             * @param {cohort.v1.RoundAnswer.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoundAnswer = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoundAnswer accept.
             * @member {boolean} accept
             * @memberof cohort.v1.RoundAnswer
             * @instance
             */
            RoundAnswer.prototype.accept = false;

            /**
             * RoundAnswer code.
             * @member {string} code
             * @memberof cohort.v1.RoundAnswer
             * @instance
             */
            RoundAnswer.prototype.code = "";

            /**
             * RoundAnswer reason.
             * @member {string} reason
             * @memberof cohort.v1.RoundAnswer
             * @instance
             */
            RoundAnswer.prototype.reason = "";

            /**
             * RoundAnswer examples.
             * @member {number} examples
             * @memberof cohort.v1.RoundAnswer
             * @instance
             */
            RoundAnswer.prototype.examples = 0;

            /**
             * RoundAnswer dataset.
             * @member {cohort.v1.DatasetFingerprint.$Properties|null|undefined} dataset
             * @memberof cohort.v1.RoundAnswer
             * @instance
             */
            RoundAnswer.prototype.dataset = null;

            /**
             * RoundAnswer keyAdvert.
             * @member {cohort.v1.KeyAdvert.$Properties|null|undefined} keyAdvert
             * @memberof cohort.v1.RoundAnswer
             * @instance
             */
            RoundAnswer.prototype.keyAdvert = null;

            /**
             * Creates a new RoundAnswer instance using the specified properties.
             * @function create
             * @memberof cohort.v1.RoundAnswer
             * @static
             * @param {cohort.v1.RoundAnswer.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.RoundAnswer} RoundAnswer instance
             * @type {{
             *   (properties: cohort.v1.RoundAnswer.$Shape): cohort.v1.RoundAnswer & cohort.v1.RoundAnswer.$Shape;
             *   (properties?: cohort.v1.RoundAnswer.$Properties): cohort.v1.RoundAnswer;
             * }}
             */
            RoundAnswer.create = function(properties) {
                return new RoundAnswer(properties);
            };

            /**
             * Encodes the specified RoundAnswer message. Does not implicitly {@link cohort.v1.RoundAnswer.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.RoundAnswer
             * @static
             * @param {cohort.v1.RoundAnswer.$Properties} m RoundAnswer message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoundAnswer.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.accept != null && $Object.hasOwnProperty.call(m, "accept") && m.accept !== false)
                    w.uint32(/* id 1, wireType 0 =*/8).bool(m.accept);
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.code);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.reason);
                if (m.examples != null && $Object.hasOwnProperty.call(m, "examples") && m.examples !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.examples);
                if (m.dataset != null && $Object.hasOwnProperty.call(m, "dataset"))
                    $root.cohort.v1.DatasetFingerprint.encode(m.dataset, w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (m.keyAdvert != null && $Object.hasOwnProperty.call(m, "keyAdvert"))
                    $root.cohort.v1.KeyAdvert.encode(m.keyAdvert, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoundAnswer message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.RoundAnswer
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.RoundAnswer & cohort.v1.RoundAnswer.$Shape} RoundAnswer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoundAnswer.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.RoundAnswer();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.accept = v;
                            else
                                delete m.accept;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.examples = v;
                            else
                                delete m.examples;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            m.dataset = $root.cohort.v1.DatasetFingerprint.decode(r, r.size(), $undefined, q + 1, m.dataset);
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.keyAdvert = $root.cohort.v1.KeyAdvert.decode(r, r.size(), $undefined, q + 1, m.keyAdvert);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a RoundAnswer message.
             * @function verify
             * @memberof cohort.v1.RoundAnswer
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RoundAnswer.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.accept != null && $Object.hasOwnProperty.call(m, "accept")) {
                    if (typeof m.accept !== "boolean")
                        return "accept: boolean expected";
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                if (m.examples != null && $Object.hasOwnProperty.call(m, "examples")) {
                    if (!$util.isInteger(m.examples))
                        return "examples: integer expected";
                }
                if (m.dataset != null && $Object.hasOwnProperty.call(m, "dataset")) {
                    {
                        var e = $root.cohort.v1.DatasetFingerprint.verify(m.dataset, q + 1);
                        if (e)
                            return "dataset." + e;
                    }
                }
                if (m.keyAdvert != null && $Object.hasOwnProperty.call(m, "keyAdvert")) {
                    {
                        var e = $root.cohort.v1.KeyAdvert.verify(m.keyAdvert, q + 1);
                        if (e)
                            return "keyAdvert." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for RoundAnswer
             * @function getTypeUrl
             * @memberof cohort.v1.RoundAnswer
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoundAnswer.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.RoundAnswer";
            };

            return RoundAnswer;
        })();

        v1.DatasetFingerprint = (function() {

            /**
             * Properties of a DatasetFingerprint.
             * @typedef {Object} cohort.v1.DatasetFingerprint.$Properties
             * @property {string|null} [sha256] DatasetFingerprint sha256
             * @property {string|null} [schema] DatasetFingerprint schema
             * @property {number|null} [rows] DatasetFingerprint rows
             * @property {string|null} [license] DatasetFingerprint license
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatasetFingerprint.
             * @memberof cohort.v1
             * @interface IDatasetFingerprint
             * @augments cohort.v1.DatasetFingerprint.$Properties
             * @deprecated Use cohort.v1.DatasetFingerprint.$Properties instead.
             */

            /**
             * Shape of a DatasetFingerprint.
             * @typedef {cohort.v1.DatasetFingerprint.$Properties} cohort.v1.DatasetFingerprint.$Shape
             */

            /**
             * Constructs a new DatasetFingerprint.
             * @memberof cohort.v1
             * @classdesc Represents a DatasetFingerprint.
             * @constructor
             * @param {cohort.v1.DatasetFingerprint.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatasetFingerprint = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DatasetFingerprint sha256.
             * @member {string} sha256
             * @memberof cohort.v1.DatasetFingerprint
             * @instance
             */
            DatasetFingerprint.prototype.sha256 = "";

            /**
             * DatasetFingerprint schema.
             * @member {string} schema
             * @memberof cohort.v1.DatasetFingerprint
             * @instance
             */
            DatasetFingerprint.prototype.schema = "";

            /**
             * DatasetFingerprint rows.
             * @member {number} rows
             * @memberof cohort.v1.DatasetFingerprint
             * @instance
             */
            DatasetFingerprint.prototype.rows = 0;

            /**
             * DatasetFingerprint license.
             * @member {string} license
             * @memberof cohort.v1.DatasetFingerprint
             * @instance
             */
            DatasetFingerprint.prototype.license = "";

            /**
             * Creates a new DatasetFingerprint instance using the specified properties.
             * @function create
             * @memberof cohort.v1.DatasetFingerprint
             * @static
             * @param {cohort.v1.DatasetFingerprint.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.DatasetFingerprint} DatasetFingerprint instance
             * @type {{
             *   (properties: cohort.v1.DatasetFingerprint.$Shape): cohort.v1.DatasetFingerprint & cohort.v1.DatasetFingerprint.$Shape;
             *   (properties?: cohort.v1.DatasetFingerprint.$Properties): cohort.v1.DatasetFingerprint;
             * }}
             */
            DatasetFingerprint.create = function(properties) {
                return new DatasetFingerprint(properties);
            };

            /**
             * Encodes the specified DatasetFingerprint message. Does not implicitly {@link cohort.v1.DatasetFingerprint.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.DatasetFingerprint
             * @static
             * @param {cohort.v1.DatasetFingerprint.$Properties} m DatasetFingerprint message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatasetFingerprint.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sha256 != null && $Object.hasOwnProperty.call(m, "sha256") && m.sha256 !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.sha256);
                if (m.schema != null && $Object.hasOwnProperty.call(m, "schema") && m.schema !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.schema);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.rows);
                if (m.license != null && $Object.hasOwnProperty.call(m, "license") && m.license !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.license);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DatasetFingerprint message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.DatasetFingerprint
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.DatasetFingerprint & cohort.v1.DatasetFingerprint.$Shape} DatasetFingerprint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatasetFingerprint.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.DatasetFingerprint();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sha256 = v;
                            else
                                delete m.sha256;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.schema = v;
                            else
                                delete m.schema;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.rows = v;
                            else
                                delete m.rows;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.license = v;
                            else
                                delete m.license;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a DatasetFingerprint message.
             * @function verify
             * @memberof cohort.v1.DatasetFingerprint
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DatasetFingerprint.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sha256 != null && $Object.hasOwnProperty.call(m, "sha256")) {
                    if (!$util.isString(m.sha256))
                        return "sha256: string expected";
                }
                if (m.schema != null && $Object.hasOwnProperty.call(m, "schema")) {
                    if (!$util.isString(m.schema))
                        return "schema: string expected";
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    if (!$util.isInteger(m.rows))
                        return "rows: integer expected";
                }
                if (m.license != null && $Object.hasOwnProperty.call(m, "license")) {
                    if (!$util.isString(m.license))
                        return "license: string expected";
                }
                return null;
            };

            /**
             * Gets the type url for DatasetFingerprint
             * @function getTypeUrl
             * @memberof cohort.v1.DatasetFingerprint
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DatasetFingerprint.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.DatasetFingerprint";
            };

            return DatasetFingerprint;
        })();

        v1.PlainUpdate = (function() {

            /**
             * Properties of a PlainUpdate.
             * @typedef {Object} cohort.v1.PlainUpdate.$Properties
             * @property {Uint8Array|null} [delta] PlainUpdate delta
             * @property {number|null} [weight] PlainUpdate weight
             * @property {number|null} [loss] PlainUpdate loss
             * @property {number|null} [examples] PlainUpdate examples
             * @property {Uint8Array|null} [commitment] PlainUpdate commitment
             * @property {cohort.v1.AgencyMetrics.$Properties|null} [metrics] PlainUpdate metrics
             * @property {cohort.v1.RecordSpend.$Properties|null} [recordSpend] PlainUpdate recordSpend
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PlainUpdate.
             * @memberof cohort.v1
             * @interface IPlainUpdate
             * @augments cohort.v1.PlainUpdate.$Properties
             * @deprecated Use cohort.v1.PlainUpdate.$Properties instead.
             */

            /**
             * Shape of a PlainUpdate.
             * @typedef {cohort.v1.PlainUpdate.$Properties} cohort.v1.PlainUpdate.$Shape
             */

            /**
             * Constructs a new PlainUpdate.
             * @memberof cohort.v1
             * @classdesc Represents a PlainUpdate.
             * @constructor
             * @param {cohort.v1.PlainUpdate.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PlainUpdate = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * PlainUpdate delta.
             * @member {Uint8Array} delta
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.delta = $util.newBuffer([]);

            /**
             * PlainUpdate weight.
             * @member {number} weight
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.weight = 0;

            /**
             * PlainUpdate loss.
             * @member {number} loss
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.loss = 0;

            /**
             * PlainUpdate examples.
             * @member {number} examples
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.examples = 0;

            /**
             * PlainUpdate commitment.
             * @member {Uint8Array} commitment
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.commitment = $util.newBuffer([]);

            /**
             * PlainUpdate metrics.
             * @member {cohort.v1.AgencyMetrics.$Properties|null|undefined} metrics
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.metrics = null;

            /**
             * PlainUpdate recordSpend.
             * @member {cohort.v1.RecordSpend.$Properties|null|undefined} recordSpend
             * @memberof cohort.v1.PlainUpdate
             * @instance
             */
            PlainUpdate.prototype.recordSpend = null;

            /**
             * Creates a new PlainUpdate instance using the specified properties.
             * @function create
             * @memberof cohort.v1.PlainUpdate
             * @static
             * @param {cohort.v1.PlainUpdate.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.PlainUpdate} PlainUpdate instance
             * @type {{
             *   (properties: cohort.v1.PlainUpdate.$Shape): cohort.v1.PlainUpdate & cohort.v1.PlainUpdate.$Shape;
             *   (properties?: cohort.v1.PlainUpdate.$Properties): cohort.v1.PlainUpdate;
             * }}
             */
            PlainUpdate.create = function(properties) {
                return new PlainUpdate(properties);
            };

            /**
             * Encodes the specified PlainUpdate message. Does not implicitly {@link cohort.v1.PlainUpdate.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.PlainUpdate
             * @static
             * @param {cohort.v1.PlainUpdate.$Properties} m PlainUpdate message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PlainUpdate.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && m.delta.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.delta);
                if (m.weight != null && $Object.hasOwnProperty.call(m, "weight") && !$Object.is(m.weight, 0))
                    w.uint32(/* id 2, wireType 5 =*/21).float(m.weight);
                if (m.loss != null && $Object.hasOwnProperty.call(m, "loss") && !$Object.is(m.loss, 0))
                    w.uint32(/* id 3, wireType 5 =*/29).float(m.loss);
                if (m.examples != null && $Object.hasOwnProperty.call(m, "examples") && m.examples !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.examples);
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment") && m.commitment.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.commitment);
                if (m.metrics != null && $Object.hasOwnProperty.call(m, "metrics"))
                    $root.cohort.v1.AgencyMetrics.encode(m.metrics, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (m.recordSpend != null && $Object.hasOwnProperty.call(m, "recordSpend"))
                    $root.cohort.v1.RecordSpend.encode(m.recordSpend, w.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a PlainUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.PlainUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.PlainUpdate & cohort.v1.PlainUpdate.$Shape} PlainUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PlainUpdate.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.PlainUpdate();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    case 2: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.weight = v;
                            else
                                delete m.weight;
                            continue;
                        }
                    case 3: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.loss = v;
                            else
                                delete m.loss;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.examples = v;
                            else
                                delete m.examples;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commitment = v;
                            else
                                delete m.commitment;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            m.metrics = $root.cohort.v1.AgencyMetrics.decode(r, r.size(), $undefined, q + 1, m.metrics);
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            m.recordSpend = $root.cohort.v1.RecordSpend.decode(r, r.size(), $undefined, q + 1, m.recordSpend);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a PlainUpdate message.
             * @function verify
             * @memberof cohort.v1.PlainUpdate
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PlainUpdate.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    if (!(m.delta && typeof m.delta.length === "number" || $util.isString(m.delta)))
                        return "delta: buffer expected";
                }
                if (m.weight != null && $Object.hasOwnProperty.call(m, "weight")) {
                    if (typeof m.weight !== "number")
                        return "weight: number expected";
                }
                if (m.loss != null && $Object.hasOwnProperty.call(m, "loss")) {
                    if (typeof m.loss !== "number")
                        return "loss: number expected";
                }
                if (m.examples != null && $Object.hasOwnProperty.call(m, "examples")) {
                    if (!$util.isInteger(m.examples))
                        return "examples: integer expected";
                }
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment")) {
                    if (!(m.commitment && typeof m.commitment.length === "number" || $util.isString(m.commitment)))
                        return "commitment: buffer expected";
                }
                if (m.metrics != null && $Object.hasOwnProperty.call(m, "metrics")) {
                    {
                        var e = $root.cohort.v1.AgencyMetrics.verify(m.metrics, q + 1);
                        if (e)
                            return "metrics." + e;
                    }
                }
                if (m.recordSpend != null && $Object.hasOwnProperty.call(m, "recordSpend")) {
                    {
                        var e = $root.cohort.v1.RecordSpend.verify(m.recordSpend, q + 1);
                        if (e)
                            return "recordSpend." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for PlainUpdate
             * @function getTypeUrl
             * @memberof cohort.v1.PlainUpdate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PlainUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.PlainUpdate";
            };

            return PlainUpdate;
        })();

        v1.RoundReceipt = (function() {

            /**
             * Properties of a RoundReceipt.
             * @typedef {Object} cohort.v1.RoundReceipt.$Properties
             * @property {string|null} [runId] RoundReceipt runId
             * @property {number|null} [round] RoundReceipt round
             * @property {string|null} [status] RoundReceipt status
             * @property {string|null} [reason] RoundReceipt reason
             * @property {string|null} [receiptJson] RoundReceipt receiptJson
             * @property {number|null} [globalLoss] RoundReceipt globalLoss
             * @property {number|null} [globalAccuracy] RoundReceipt globalAccuracy
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RoundReceipt.
             * @memberof cohort.v1
             * @interface IRoundReceipt
             * @augments cohort.v1.RoundReceipt.$Properties
             * @deprecated Use cohort.v1.RoundReceipt.$Properties instead.
             */

            /**
             * Shape of a RoundReceipt.
             * @typedef {cohort.v1.RoundReceipt.$Properties} cohort.v1.RoundReceipt.$Shape
             */

            /**
             * Constructs a new RoundReceipt.
             * @memberof cohort.v1
             * @classdesc Represents a RoundReceipt.
             * @constructor
             * @param {cohort.v1.RoundReceipt.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RoundReceipt = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RoundReceipt runId.
             * @member {string} runId
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.runId = "";

            /**
             * RoundReceipt round.
             * @member {number} round
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.round = 0;

            /**
             * RoundReceipt status.
             * @member {string} status
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.status = "";

            /**
             * RoundReceipt reason.
             * @member {string} reason
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.reason = "";

            /**
             * RoundReceipt receiptJson.
             * @member {string} receiptJson
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.receiptJson = "";

            /**
             * RoundReceipt globalLoss.
             * @member {number} globalLoss
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.globalLoss = 0;

            /**
             * RoundReceipt globalAccuracy.
             * @member {number} globalAccuracy
             * @memberof cohort.v1.RoundReceipt
             * @instance
             */
            RoundReceipt.prototype.globalAccuracy = 0;

            /**
             * Creates a new RoundReceipt instance using the specified properties.
             * @function create
             * @memberof cohort.v1.RoundReceipt
             * @static
             * @param {cohort.v1.RoundReceipt.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.RoundReceipt} RoundReceipt instance
             * @type {{
             *   (properties: cohort.v1.RoundReceipt.$Shape): cohort.v1.RoundReceipt & cohort.v1.RoundReceipt.$Shape;
             *   (properties?: cohort.v1.RoundReceipt.$Properties): cohort.v1.RoundReceipt;
             * }}
             */
            RoundReceipt.create = function(properties) {
                return new RoundReceipt(properties);
            };

            /**
             * Encodes the specified RoundReceipt message. Does not implicitly {@link cohort.v1.RoundReceipt.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.RoundReceipt
             * @static
             * @param {cohort.v1.RoundReceipt.$Properties} m RoundReceipt message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoundReceipt.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId") && m.runId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.runId);
                if (m.round != null && $Object.hasOwnProperty.call(m, "round") && m.round !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.round);
                if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.status);
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.reason);
                if (m.receiptJson != null && $Object.hasOwnProperty.call(m, "receiptJson") && m.receiptJson !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.receiptJson);
                if (m.globalLoss != null && $Object.hasOwnProperty.call(m, "globalLoss") && !$Object.is(m.globalLoss, 0))
                    w.uint32(/* id 6, wireType 5 =*/53).float(m.globalLoss);
                if (m.globalAccuracy != null && $Object.hasOwnProperty.call(m, "globalAccuracy") && !$Object.is(m.globalAccuracy, 0))
                    w.uint32(/* id 7, wireType 5 =*/61).float(m.globalAccuracy);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RoundReceipt message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.RoundReceipt
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.RoundReceipt & cohort.v1.RoundReceipt.$Shape} RoundReceipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoundReceipt.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.RoundReceipt();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.runId = v;
                            else
                                delete m.runId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.round = v;
                            else
                                delete m.round;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.status = v;
                            else
                                delete m.status;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reason = v;
                            else
                                delete m.reason;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.receiptJson = v;
                            else
                                delete m.receiptJson;
                            continue;
                        }
                    case 6: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.globalLoss = v;
                            else
                                delete m.globalLoss;
                            continue;
                        }
                    case 7: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.globalAccuracy = v;
                            else
                                delete m.globalAccuracy;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a RoundReceipt message.
             * @function verify
             * @memberof cohort.v1.RoundReceipt
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RoundReceipt.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.runId != null && $Object.hasOwnProperty.call(m, "runId")) {
                    if (!$util.isString(m.runId))
                        return "runId: string expected";
                }
                if (m.round != null && $Object.hasOwnProperty.call(m, "round")) {
                    if (!$util.isInteger(m.round))
                        return "round: integer expected";
                }
                if (m.status != null && $Object.hasOwnProperty.call(m, "status")) {
                    if (!$util.isString(m.status))
                        return "status: string expected";
                }
                if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                    if (!$util.isString(m.reason))
                        return "reason: string expected";
                }
                if (m.receiptJson != null && $Object.hasOwnProperty.call(m, "receiptJson")) {
                    if (!$util.isString(m.receiptJson))
                        return "receiptJson: string expected";
                }
                if (m.globalLoss != null && $Object.hasOwnProperty.call(m, "globalLoss")) {
                    if (typeof m.globalLoss !== "number")
                        return "globalLoss: number expected";
                }
                if (m.globalAccuracy != null && $Object.hasOwnProperty.call(m, "globalAccuracy")) {
                    if (typeof m.globalAccuracy !== "number")
                        return "globalAccuracy: number expected";
                }
                return null;
            };

            /**
             * Gets the type url for RoundReceipt
             * @function getTypeUrl
             * @memberof cohort.v1.RoundReceipt
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RoundReceipt.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.RoundReceipt";
            };

            return RoundReceipt;
        })();

        v1.Notice = (function() {

            /**
             * Properties of a Notice.
             * @typedef {Object} cohort.v1.Notice.$Properties
             * @property {string|null} [code] Notice code
             * @property {string|null} [message] Notice message
             * @property {boolean|null} [fatal] Notice fatal
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Notice.
             * @memberof cohort.v1
             * @interface INotice
             * @augments cohort.v1.Notice.$Properties
             * @deprecated Use cohort.v1.Notice.$Properties instead.
             */

            /**
             * Shape of a Notice.
             * @typedef {cohort.v1.Notice.$Properties} cohort.v1.Notice.$Shape
             */

            /**
             * Constructs a new Notice.
             * @memberof cohort.v1
             * @classdesc Represents a Notice.
             * @constructor
             * @param {cohort.v1.Notice.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Notice = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Notice code.
             * @member {string} code
             * @memberof cohort.v1.Notice
             * @instance
             */
            Notice.prototype.code = "";

            /**
             * Notice message.
             * @member {string} message
             * @memberof cohort.v1.Notice
             * @instance
             */
            Notice.prototype.message = "";

            /**
             * Notice fatal.
             * @member {boolean} fatal
             * @memberof cohort.v1.Notice
             * @instance
             */
            Notice.prototype.fatal = false;

            /**
             * Creates a new Notice instance using the specified properties.
             * @function create
             * @memberof cohort.v1.Notice
             * @static
             * @param {cohort.v1.Notice.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.Notice} Notice instance
             * @type {{
             *   (properties: cohort.v1.Notice.$Shape): cohort.v1.Notice & cohort.v1.Notice.$Shape;
             *   (properties?: cohort.v1.Notice.$Properties): cohort.v1.Notice;
             * }}
             */
            Notice.create = function(properties) {
                return new Notice(properties);
            };

            /**
             * Encodes the specified Notice message. Does not implicitly {@link cohort.v1.Notice.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.Notice
             * @static
             * @param {cohort.v1.Notice.$Properties} m Notice message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Notice.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.message);
                if (m.fatal != null && $Object.hasOwnProperty.call(m, "fatal") && m.fatal !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.fatal);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Notice message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.Notice
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.Notice & cohort.v1.Notice.$Shape} Notice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Notice.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.Notice();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.fatal = v;
                            else
                                delete m.fatal;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Notice message.
             * @function verify
             * @memberof cohort.v1.Notice
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Notice.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                if (m.fatal != null && $Object.hasOwnProperty.call(m, "fatal")) {
                    if (typeof m.fatal !== "boolean")
                        return "fatal: boolean expected";
                }
                return null;
            };

            /**
             * Gets the type url for Notice
             * @function getTypeUrl
             * @memberof cohort.v1.Notice
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Notice.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.Notice";
            };

            return Notice;
        })();

        v1.SecAggConfig = (function() {

            /**
             * Properties of a SecAggConfig.
             * @typedef {Object} cohort.v1.SecAggConfig.$Properties
             * @property {number|null} [threshold] SecAggConfig threshold
             * @property {number|null} [degree] SecAggConfig degree
             * @property {number|null} [clipRange] SecAggConfig clipRange
             * @property {number|null} [bits] SecAggConfig bits
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SecAggConfig.
             * @memberof cohort.v1
             * @interface ISecAggConfig
             * @augments cohort.v1.SecAggConfig.$Properties
             * @deprecated Use cohort.v1.SecAggConfig.$Properties instead.
             */

            /**
             * Shape of a SecAggConfig.
             * @typedef {cohort.v1.SecAggConfig.$Properties} cohort.v1.SecAggConfig.$Shape
             */

            /**
             * Constructs a new SecAggConfig.
             * @memberof cohort.v1
             * @classdesc Represents a SecAggConfig.
             * @constructor
             * @param {cohort.v1.SecAggConfig.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SecAggConfig = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SecAggConfig threshold.
             * @member {number} threshold
             * @memberof cohort.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.threshold = 0;

            /**
             * SecAggConfig degree.
             * @member {number} degree
             * @memberof cohort.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.degree = 0;

            /**
             * SecAggConfig clipRange.
             * @member {number} clipRange
             * @memberof cohort.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.clipRange = 0;

            /**
             * SecAggConfig bits.
             * @member {number} bits
             * @memberof cohort.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.bits = 0;

            /**
             * Creates a new SecAggConfig instance using the specified properties.
             * @function create
             * @memberof cohort.v1.SecAggConfig
             * @static
             * @param {cohort.v1.SecAggConfig.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.SecAggConfig} SecAggConfig instance
             * @type {{
             *   (properties: cohort.v1.SecAggConfig.$Shape): cohort.v1.SecAggConfig & cohort.v1.SecAggConfig.$Shape;
             *   (properties?: cohort.v1.SecAggConfig.$Properties): cohort.v1.SecAggConfig;
             * }}
             */
            SecAggConfig.create = function(properties) {
                return new SecAggConfig(properties);
            };

            /**
             * Encodes the specified SecAggConfig message. Does not implicitly {@link cohort.v1.SecAggConfig.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.SecAggConfig
             * @static
             * @param {cohort.v1.SecAggConfig.$Properties} m SecAggConfig message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SecAggConfig.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold") && m.threshold !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.threshold);
                if (m.degree != null && $Object.hasOwnProperty.call(m, "degree") && m.degree !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.degree);
                if (m.clipRange != null && $Object.hasOwnProperty.call(m, "clipRange") && !$Object.is(m.clipRange, 0))
                    w.uint32(/* id 3, wireType 5 =*/29).float(m.clipRange);
                if (m.bits != null && $Object.hasOwnProperty.call(m, "bits") && m.bits !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.bits);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SecAggConfig message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.SecAggConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.SecAggConfig & cohort.v1.SecAggConfig.$Shape} SecAggConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SecAggConfig.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.SecAggConfig();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.threshold = v;
                            else
                                delete m.threshold;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.degree = v;
                            else
                                delete m.degree;
                            continue;
                        }
                    case 3: {
                            if (u !== 5)
                                break;
                            if (!$Object.is(v = r.float(), 0))
                                m.clipRange = v;
                            else
                                delete m.clipRange;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.bits = v;
                            else
                                delete m.bits;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a SecAggConfig message.
             * @function verify
             * @memberof cohort.v1.SecAggConfig
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SecAggConfig.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.threshold != null && $Object.hasOwnProperty.call(m, "threshold")) {
                    if (!$util.isInteger(m.threshold))
                        return "threshold: integer expected";
                }
                if (m.degree != null && $Object.hasOwnProperty.call(m, "degree")) {
                    if (!$util.isInteger(m.degree))
                        return "degree: integer expected";
                }
                if (m.clipRange != null && $Object.hasOwnProperty.call(m, "clipRange")) {
                    if (typeof m.clipRange !== "number")
                        return "clipRange: number expected";
                }
                if (m.bits != null && $Object.hasOwnProperty.call(m, "bits")) {
                    if (!$util.isInteger(m.bits))
                        return "bits: integer expected";
                }
                return null;
            };

            /**
             * Gets the type url for SecAggConfig
             * @function getTypeUrl
             * @memberof cohort.v1.SecAggConfig
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SecAggConfig.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.SecAggConfig";
            };

            return SecAggConfig;
        })();

        v1.KeyAdvert = (function() {

            /**
             * Properties of a KeyAdvert.
             * @typedef {Object} cohort.v1.KeyAdvert.$Properties
             * @property {string|null} [agency] KeyAdvert agency
             * @property {Uint8Array|null} [cPk] KeyAdvert cPk
             * @property {Uint8Array|null} [sPk] KeyAdvert sPk
             * @property {Uint8Array|null} [signature] KeyAdvert signature
             * @property {Uint8Array|null} [seedCommitment] KeyAdvert seedCommitment
             * @property {Uint8Array|null} [offerSha256] KeyAdvert offerSha256
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KeyAdvert.
             * @memberof cohort.v1
             * @interface IKeyAdvert
             * @augments cohort.v1.KeyAdvert.$Properties
             * @deprecated Use cohort.v1.KeyAdvert.$Properties instead.
             */

            /**
             * Shape of a KeyAdvert.
             * @typedef {cohort.v1.KeyAdvert.$Properties} cohort.v1.KeyAdvert.$Shape
             */

            /**
             * Constructs a new KeyAdvert.
             * @memberof cohort.v1
             * @classdesc Represents a KeyAdvert.
             * @constructor
             * @param {cohort.v1.KeyAdvert.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const KeyAdvert = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * KeyAdvert agency.
             * @member {string} agency
             * @memberof cohort.v1.KeyAdvert
             * @instance
             */
            KeyAdvert.prototype.agency = "";

            /**
             * KeyAdvert cPk.
             * @member {Uint8Array} cPk
             * @memberof cohort.v1.KeyAdvert
             * @instance
             */
            KeyAdvert.prototype.cPk = $util.newBuffer([]);

            /**
             * KeyAdvert sPk.
             * @member {Uint8Array} sPk
             * @memberof cohort.v1.KeyAdvert
             * @instance
             */
            KeyAdvert.prototype.sPk = $util.newBuffer([]);

            /**
             * KeyAdvert signature.
             * @member {Uint8Array} signature
             * @memberof cohort.v1.KeyAdvert
             * @instance
             */
            KeyAdvert.prototype.signature = $util.newBuffer([]);

            /**
             * KeyAdvert seedCommitment.
             * @member {Uint8Array} seedCommitment
             * @memberof cohort.v1.KeyAdvert
             * @instance
             */
            KeyAdvert.prototype.seedCommitment = $util.newBuffer([]);

            /**
             * KeyAdvert offerSha256.
             * @member {Uint8Array} offerSha256
             * @memberof cohort.v1.KeyAdvert
             * @instance
             */
            KeyAdvert.prototype.offerSha256 = $util.newBuffer([]);

            /**
             * Creates a new KeyAdvert instance using the specified properties.
             * @function create
             * @memberof cohort.v1.KeyAdvert
             * @static
             * @param {cohort.v1.KeyAdvert.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.KeyAdvert} KeyAdvert instance
             * @type {{
             *   (properties: cohort.v1.KeyAdvert.$Shape): cohort.v1.KeyAdvert & cohort.v1.KeyAdvert.$Shape;
             *   (properties?: cohort.v1.KeyAdvert.$Properties): cohort.v1.KeyAdvert;
             * }}
             */
            KeyAdvert.create = function(properties) {
                return new KeyAdvert(properties);
            };

            /**
             * Encodes the specified KeyAdvert message. Does not implicitly {@link cohort.v1.KeyAdvert.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.KeyAdvert
             * @static
             * @param {cohort.v1.KeyAdvert.$Properties} m KeyAdvert message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KeyAdvert.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency") && m.agency !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.agency);
                if (m.cPk != null && $Object.hasOwnProperty.call(m, "cPk") && m.cPk.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.cPk);
                if (m.sPk != null && $Object.hasOwnProperty.call(m, "sPk") && m.sPk.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.sPk);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.signature);
                if (m.seedCommitment != null && $Object.hasOwnProperty.call(m, "seedCommitment") && m.seedCommitment.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.seedCommitment);
                if (m.offerSha256 != null && $Object.hasOwnProperty.call(m, "offerSha256") && m.offerSha256.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.offerSha256);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a KeyAdvert message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.KeyAdvert
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.KeyAdvert & cohort.v1.KeyAdvert.$Shape} KeyAdvert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KeyAdvert.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.KeyAdvert();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agency = v;
                            else
                                delete m.agency;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.cPk = v;
                            else
                                delete m.cPk;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sPk = v;
                            else
                                delete m.sPk;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.seedCommitment = v;
                            else
                                delete m.seedCommitment;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.offerSha256 = v;
                            else
                                delete m.offerSha256;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a KeyAdvert message.
             * @function verify
             * @memberof cohort.v1.KeyAdvert
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            KeyAdvert.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency")) {
                    if (!$util.isString(m.agency))
                        return "agency: string expected";
                }
                if (m.cPk != null && $Object.hasOwnProperty.call(m, "cPk")) {
                    if (!(m.cPk && typeof m.cPk.length === "number" || $util.isString(m.cPk)))
                        return "cPk: buffer expected";
                }
                if (m.sPk != null && $Object.hasOwnProperty.call(m, "sPk")) {
                    if (!(m.sPk && typeof m.sPk.length === "number" || $util.isString(m.sPk)))
                        return "sPk: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.seedCommitment != null && $Object.hasOwnProperty.call(m, "seedCommitment")) {
                    if (!(m.seedCommitment && typeof m.seedCommitment.length === "number" || $util.isString(m.seedCommitment)))
                        return "seedCommitment: buffer expected";
                }
                if (m.offerSha256 != null && $Object.hasOwnProperty.call(m, "offerSha256")) {
                    if (!(m.offerSha256 && typeof m.offerSha256.length === "number" || $util.isString(m.offerSha256)))
                        return "offerSha256: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for KeyAdvert
             * @function getTypeUrl
             * @memberof cohort.v1.KeyAdvert
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KeyAdvert.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.KeyAdvert";
            };

            return KeyAdvert;
        })();

        v1.KeyRoster = (function() {

            /**
             * Properties of a KeyRoster.
             * @typedef {Object} cohort.v1.KeyRoster.$Properties
             * @property {Array.<cohort.v1.KeyAdvert.$Properties>|null} [adverts] KeyRoster adverts
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KeyRoster.
             * @memberof cohort.v1
             * @interface IKeyRoster
             * @augments cohort.v1.KeyRoster.$Properties
             * @deprecated Use cohort.v1.KeyRoster.$Properties instead.
             */

            /**
             * Shape of a KeyRoster.
             * @typedef {cohort.v1.KeyRoster.$Properties} cohort.v1.KeyRoster.$Shape
             */

            /**
             * Constructs a new KeyRoster.
             * @memberof cohort.v1
             * @classdesc Represents a KeyRoster.
             * @constructor
             * @param {cohort.v1.KeyRoster.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const KeyRoster = function (p) {
                this.adverts = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * KeyRoster adverts.
             * @member {Array.<cohort.v1.KeyAdvert.$Properties>} adverts
             * @memberof cohort.v1.KeyRoster
             * @instance
             */
            KeyRoster.prototype.adverts = $util.emptyArray;

            /**
             * Creates a new KeyRoster instance using the specified properties.
             * @function create
             * @memberof cohort.v1.KeyRoster
             * @static
             * @param {cohort.v1.KeyRoster.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.KeyRoster} KeyRoster instance
             * @type {{
             *   (properties: cohort.v1.KeyRoster.$Shape): cohort.v1.KeyRoster & cohort.v1.KeyRoster.$Shape;
             *   (properties?: cohort.v1.KeyRoster.$Properties): cohort.v1.KeyRoster;
             * }}
             */
            KeyRoster.create = function(properties) {
                return new KeyRoster(properties);
            };

            /**
             * Encodes the specified KeyRoster message. Does not implicitly {@link cohort.v1.KeyRoster.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.KeyRoster
             * @static
             * @param {cohort.v1.KeyRoster.$Properties} m KeyRoster message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KeyRoster.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.adverts != null && m.adverts.length) {
                    for (var i = 0; i < m.adverts.length; ++i)
                        $root.cohort.v1.KeyAdvert.encode(m.adverts[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a KeyRoster message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.KeyRoster
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.KeyRoster & cohort.v1.KeyRoster.$Shape} KeyRoster
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KeyRoster.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.KeyRoster();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.adverts && m.adverts.length))
                                m.adverts = [];
                            m.adverts.push($root.cohort.v1.KeyAdvert.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a KeyRoster message.
             * @function verify
             * @memberof cohort.v1.KeyRoster
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            KeyRoster.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.adverts != null && $Object.hasOwnProperty.call(m, "adverts")) {
                    if (!$Array.isArray(m.adverts))
                        return "adverts: array expected";
                    for (var i = 0; i < m.adverts.length; ++i) {
                        {
                            var e = $root.cohort.v1.KeyAdvert.verify(m.adverts[i], q + 1);
                            if (e)
                                return "adverts." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Gets the type url for KeyRoster
             * @function getTypeUrl
             * @memberof cohort.v1.KeyRoster
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KeyRoster.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.KeyRoster";
            };

            return KeyRoster;
        })();

        v1.EncryptedShare = (function() {

            /**
             * Properties of an EncryptedShare.
             * @typedef {Object} cohort.v1.EncryptedShare.$Properties
             * @property {string|null} [from] EncryptedShare from
             * @property {string|null} [to] EncryptedShare to
             * @property {Uint8Array|null} [nonce] EncryptedShare nonce
             * @property {Uint8Array|null} [ciphertext] EncryptedShare ciphertext
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EncryptedShare.
             * @memberof cohort.v1
             * @interface IEncryptedShare
             * @augments cohort.v1.EncryptedShare.$Properties
             * @deprecated Use cohort.v1.EncryptedShare.$Properties instead.
             */

            /**
             * Shape of an EncryptedShare.
             * @typedef {cohort.v1.EncryptedShare.$Properties} cohort.v1.EncryptedShare.$Shape
             */

            /**
             * Constructs a new EncryptedShare.
             * @memberof cohort.v1
             * @classdesc Represents an EncryptedShare.
             * @constructor
             * @param {cohort.v1.EncryptedShare.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EncryptedShare = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EncryptedShare from.
             * @member {string} from
             * @memberof cohort.v1.EncryptedShare
             * @instance
             */
            EncryptedShare.prototype.from = "";

            /**
             * EncryptedShare to.
             * @member {string} to
             * @memberof cohort.v1.EncryptedShare
             * @instance
             */
            EncryptedShare.prototype.to = "";

            /**
             * EncryptedShare nonce.
             * @member {Uint8Array} nonce
             * @memberof cohort.v1.EncryptedShare
             * @instance
             */
            EncryptedShare.prototype.nonce = $util.newBuffer([]);

            /**
             * EncryptedShare ciphertext.
             * @member {Uint8Array} ciphertext
             * @memberof cohort.v1.EncryptedShare
             * @instance
             */
            EncryptedShare.prototype.ciphertext = $util.newBuffer([]);

            /**
             * Creates a new EncryptedShare instance using the specified properties.
             * @function create
             * @memberof cohort.v1.EncryptedShare
             * @static
             * @param {cohort.v1.EncryptedShare.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.EncryptedShare} EncryptedShare instance
             * @type {{
             *   (properties: cohort.v1.EncryptedShare.$Shape): cohort.v1.EncryptedShare & cohort.v1.EncryptedShare.$Shape;
             *   (properties?: cohort.v1.EncryptedShare.$Properties): cohort.v1.EncryptedShare;
             * }}
             */
            EncryptedShare.create = function(properties) {
                return new EncryptedShare(properties);
            };

            /**
             * Encodes the specified EncryptedShare message. Does not implicitly {@link cohort.v1.EncryptedShare.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.EncryptedShare
             * @static
             * @param {cohort.v1.EncryptedShare.$Properties} m EncryptedShare message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EncryptedShare.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.from != null && $Object.hasOwnProperty.call(m, "from") && m.from !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.from);
                if (m.to != null && $Object.hasOwnProperty.call(m, "to") && m.to !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.to);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.nonce);
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext") && m.ciphertext.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.ciphertext);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EncryptedShare message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.EncryptedShare
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.EncryptedShare & cohort.v1.EncryptedShare.$Shape} EncryptedShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EncryptedShare.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.EncryptedShare();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.from = v;
                            else
                                delete m.from;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.to = v;
                            else
                                delete m.to;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ciphertext = v;
                            else
                                delete m.ciphertext;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an EncryptedShare message.
             * @function verify
             * @memberof cohort.v1.EncryptedShare
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EncryptedShare.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.from != null && $Object.hasOwnProperty.call(m, "from")) {
                    if (!$util.isString(m.from))
                        return "from: string expected";
                }
                if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                    if (!$util.isString(m.to))
                        return "to: string expected";
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext")) {
                    if (!(m.ciphertext && typeof m.ciphertext.length === "number" || $util.isString(m.ciphertext)))
                        return "ciphertext: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for EncryptedShare
             * @function getTypeUrl
             * @memberof cohort.v1.EncryptedShare
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EncryptedShare.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.EncryptedShare";
            };

            return EncryptedShare;
        })();

        v1.ShareBundle = (function() {

            /**
             * Properties of a ShareBundle.
             * @typedef {Object} cohort.v1.ShareBundle.$Properties
             * @property {Array.<cohort.v1.EncryptedShare.$Properties>|null} [shares] ShareBundle shares
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ShareBundle.
             * @memberof cohort.v1
             * @interface IShareBundle
             * @augments cohort.v1.ShareBundle.$Properties
             * @deprecated Use cohort.v1.ShareBundle.$Properties instead.
             */

            /**
             * Shape of a ShareBundle.
             * @typedef {cohort.v1.ShareBundle.$Properties} cohort.v1.ShareBundle.$Shape
             */

            /**
             * Constructs a new ShareBundle.
             * @memberof cohort.v1
             * @classdesc Represents a ShareBundle.
             * @constructor
             * @param {cohort.v1.ShareBundle.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ShareBundle = function (p) {
                this.shares = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ShareBundle shares.
             * @member {Array.<cohort.v1.EncryptedShare.$Properties>} shares
             * @memberof cohort.v1.ShareBundle
             * @instance
             */
            ShareBundle.prototype.shares = $util.emptyArray;

            /**
             * Creates a new ShareBundle instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ShareBundle
             * @static
             * @param {cohort.v1.ShareBundle.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ShareBundle} ShareBundle instance
             * @type {{
             *   (properties: cohort.v1.ShareBundle.$Shape): cohort.v1.ShareBundle & cohort.v1.ShareBundle.$Shape;
             *   (properties?: cohort.v1.ShareBundle.$Properties): cohort.v1.ShareBundle;
             * }}
             */
            ShareBundle.create = function(properties) {
                return new ShareBundle(properties);
            };

            /**
             * Encodes the specified ShareBundle message. Does not implicitly {@link cohort.v1.ShareBundle.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ShareBundle
             * @static
             * @param {cohort.v1.ShareBundle.$Properties} m ShareBundle message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShareBundle.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.shares != null && m.shares.length) {
                    for (var i = 0; i < m.shares.length; ++i)
                        $root.cohort.v1.EncryptedShare.encode(m.shares[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ShareBundle message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ShareBundle
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ShareBundle & cohort.v1.ShareBundle.$Shape} ShareBundle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShareBundle.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ShareBundle();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.shares && m.shares.length))
                                m.shares = [];
                            m.shares.push($root.cohort.v1.EncryptedShare.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ShareBundle message.
             * @function verify
             * @memberof cohort.v1.ShareBundle
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ShareBundle.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.shares != null && $Object.hasOwnProperty.call(m, "shares")) {
                    if (!$Array.isArray(m.shares))
                        return "shares: array expected";
                    for (var i = 0; i < m.shares.length; ++i) {
                        {
                            var e = $root.cohort.v1.EncryptedShare.verify(m.shares[i], q + 1);
                            if (e)
                                return "shares." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Gets the type url for ShareBundle
             * @function getTypeUrl
             * @memberof cohort.v1.ShareBundle
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ShareBundle.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ShareBundle";
            };

            return ShareBundle;
        })();

        v1.ShareDelivery = (function() {

            /**
             * Properties of a ShareDelivery.
             * @typedef {Object} cohort.v1.ShareDelivery.$Properties
             * @property {Array.<cohort.v1.EncryptedShare.$Properties>|null} [shares] ShareDelivery shares
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ShareDelivery.
             * @memberof cohort.v1
             * @interface IShareDelivery
             * @augments cohort.v1.ShareDelivery.$Properties
             * @deprecated Use cohort.v1.ShareDelivery.$Properties instead.
             */

            /**
             * Shape of a ShareDelivery.
             * @typedef {cohort.v1.ShareDelivery.$Properties} cohort.v1.ShareDelivery.$Shape
             */

            /**
             * Constructs a new ShareDelivery.
             * @memberof cohort.v1
             * @classdesc Represents a ShareDelivery.
             * @constructor
             * @param {cohort.v1.ShareDelivery.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ShareDelivery = function (p) {
                this.shares = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ShareDelivery shares.
             * @member {Array.<cohort.v1.EncryptedShare.$Properties>} shares
             * @memberof cohort.v1.ShareDelivery
             * @instance
             */
            ShareDelivery.prototype.shares = $util.emptyArray;

            /**
             * Creates a new ShareDelivery instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ShareDelivery
             * @static
             * @param {cohort.v1.ShareDelivery.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ShareDelivery} ShareDelivery instance
             * @type {{
             *   (properties: cohort.v1.ShareDelivery.$Shape): cohort.v1.ShareDelivery & cohort.v1.ShareDelivery.$Shape;
             *   (properties?: cohort.v1.ShareDelivery.$Properties): cohort.v1.ShareDelivery;
             * }}
             */
            ShareDelivery.create = function(properties) {
                return new ShareDelivery(properties);
            };

            /**
             * Encodes the specified ShareDelivery message. Does not implicitly {@link cohort.v1.ShareDelivery.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ShareDelivery
             * @static
             * @param {cohort.v1.ShareDelivery.$Properties} m ShareDelivery message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ShareDelivery.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.shares != null && m.shares.length) {
                    for (var i = 0; i < m.shares.length; ++i)
                        $root.cohort.v1.EncryptedShare.encode(m.shares[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ShareDelivery message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ShareDelivery
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ShareDelivery & cohort.v1.ShareDelivery.$Shape} ShareDelivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ShareDelivery.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ShareDelivery();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.shares && m.shares.length))
                                m.shares = [];
                            m.shares.push($root.cohort.v1.EncryptedShare.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ShareDelivery message.
             * @function verify
             * @memberof cohort.v1.ShareDelivery
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ShareDelivery.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.shares != null && $Object.hasOwnProperty.call(m, "shares")) {
                    if (!$Array.isArray(m.shares))
                        return "shares: array expected";
                    for (var i = 0; i < m.shares.length; ++i) {
                        {
                            var e = $root.cohort.v1.EncryptedShare.verify(m.shares[i], q + 1);
                            if (e)
                                return "shares." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Gets the type url for ShareDelivery
             * @function getTypeUrl
             * @memberof cohort.v1.ShareDelivery
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ShareDelivery.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ShareDelivery";
            };

            return ShareDelivery;
        })();

        v1.MaskedInput = (function() {

            /**
             * Properties of a MaskedInput.
             * @typedef {Object} cohort.v1.MaskedInput.$Properties
             * @property {Uint8Array|null} [vector] MaskedInput vector
             * @property {Uint8Array|null} [commitment] MaskedInput commitment
             * @property {cohort.v1.RecordSpend.$Properties|null} [recordSpend] MaskedInput recordSpend
             * @property {cohort.v1.AgencyMetrics.$Properties|null} [agencyMetrics] MaskedInput agencyMetrics
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MaskedInput.
             * @memberof cohort.v1
             * @interface IMaskedInput
             * @augments cohort.v1.MaskedInput.$Properties
             * @deprecated Use cohort.v1.MaskedInput.$Properties instead.
             */

            /**
             * Shape of a MaskedInput.
             * @typedef {cohort.v1.MaskedInput.$Properties} cohort.v1.MaskedInput.$Shape
             */

            /**
             * Constructs a new MaskedInput.
             * @memberof cohort.v1
             * @classdesc Represents a MaskedInput.
             * @constructor
             * @param {cohort.v1.MaskedInput.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MaskedInput = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * MaskedInput vector.
             * @member {Uint8Array} vector
             * @memberof cohort.v1.MaskedInput
             * @instance
             */
            MaskedInput.prototype.vector = $util.newBuffer([]);

            /**
             * MaskedInput commitment.
             * @member {Uint8Array} commitment
             * @memberof cohort.v1.MaskedInput
             * @instance
             */
            MaskedInput.prototype.commitment = $util.newBuffer([]);

            /**
             * MaskedInput recordSpend.
             * @member {cohort.v1.RecordSpend.$Properties|null|undefined} recordSpend
             * @memberof cohort.v1.MaskedInput
             * @instance
             */
            MaskedInput.prototype.recordSpend = null;

            /**
             * MaskedInput agencyMetrics.
             * @member {cohort.v1.AgencyMetrics.$Properties|null|undefined} agencyMetrics
             * @memberof cohort.v1.MaskedInput
             * @instance
             */
            MaskedInput.prototype.agencyMetrics = null;

            /**
             * Creates a new MaskedInput instance using the specified properties.
             * @function create
             * @memberof cohort.v1.MaskedInput
             * @static
             * @param {cohort.v1.MaskedInput.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.MaskedInput} MaskedInput instance
             * @type {{
             *   (properties: cohort.v1.MaskedInput.$Shape): cohort.v1.MaskedInput & cohort.v1.MaskedInput.$Shape;
             *   (properties?: cohort.v1.MaskedInput.$Properties): cohort.v1.MaskedInput;
             * }}
             */
            MaskedInput.create = function(properties) {
                return new MaskedInput(properties);
            };

            /**
             * Encodes the specified MaskedInput message. Does not implicitly {@link cohort.v1.MaskedInput.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.MaskedInput
             * @static
             * @param {cohort.v1.MaskedInput.$Properties} m MaskedInput message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MaskedInput.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.vector != null && $Object.hasOwnProperty.call(m, "vector") && m.vector.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.vector);
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment") && m.commitment.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.commitment);
                if (m.recordSpend != null && $Object.hasOwnProperty.call(m, "recordSpend"))
                    $root.cohort.v1.RecordSpend.encode(m.recordSpend, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.agencyMetrics != null && $Object.hasOwnProperty.call(m, "agencyMetrics"))
                    $root.cohort.v1.AgencyMetrics.encode(m.agencyMetrics, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a MaskedInput message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.MaskedInput
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.MaskedInput & cohort.v1.MaskedInput.$Shape} MaskedInput
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MaskedInput.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.MaskedInput();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.vector = v;
                            else
                                delete m.vector;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.commitment = v;
                            else
                                delete m.commitment;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.recordSpend = $root.cohort.v1.RecordSpend.decode(r, r.size(), $undefined, q + 1, m.recordSpend);
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            m.agencyMetrics = $root.cohort.v1.AgencyMetrics.decode(r, r.size(), $undefined, q + 1, m.agencyMetrics);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a MaskedInput message.
             * @function verify
             * @memberof cohort.v1.MaskedInput
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            MaskedInput.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.vector != null && $Object.hasOwnProperty.call(m, "vector")) {
                    if (!(m.vector && typeof m.vector.length === "number" || $util.isString(m.vector)))
                        return "vector: buffer expected";
                }
                if (m.commitment != null && $Object.hasOwnProperty.call(m, "commitment")) {
                    if (!(m.commitment && typeof m.commitment.length === "number" || $util.isString(m.commitment)))
                        return "commitment: buffer expected";
                }
                if (m.recordSpend != null && $Object.hasOwnProperty.call(m, "recordSpend")) {
                    {
                        var e = $root.cohort.v1.RecordSpend.verify(m.recordSpend, q + 1);
                        if (e)
                            return "recordSpend." + e;
                    }
                }
                if (m.agencyMetrics != null && $Object.hasOwnProperty.call(m, "agencyMetrics")) {
                    {
                        var e = $root.cohort.v1.AgencyMetrics.verify(m.agencyMetrics, q + 1);
                        if (e)
                            return "agencyMetrics." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for MaskedInput
             * @function getTypeUrl
             * @memberof cohort.v1.MaskedInput
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MaskedInput.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.MaskedInput";
            };

            return MaskedInput;
        })();

        v1.RecordSpend = (function() {

            /**
             * Properties of a RecordSpend.
             * @typedef {Object} cohort.v1.RecordSpend.$Properties
             * @property {string|null} [epsilon] RecordSpend epsilon
             * @property {string|null} [budgetEpsilon] RecordSpend budgetEpsilon
             * @property {string|null} [delta] RecordSpend delta
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RecordSpend.
             * @memberof cohort.v1
             * @interface IRecordSpend
             * @augments cohort.v1.RecordSpend.$Properties
             * @deprecated Use cohort.v1.RecordSpend.$Properties instead.
             */

            /**
             * Shape of a RecordSpend.
             * @typedef {cohort.v1.RecordSpend.$Properties} cohort.v1.RecordSpend.$Shape
             */

            /**
             * Constructs a new RecordSpend.
             * @memberof cohort.v1
             * @classdesc Represents a RecordSpend.
             * @constructor
             * @param {cohort.v1.RecordSpend.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RecordSpend = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RecordSpend epsilon.
             * @member {string} epsilon
             * @memberof cohort.v1.RecordSpend
             * @instance
             */
            RecordSpend.prototype.epsilon = "";

            /**
             * RecordSpend budgetEpsilon.
             * @member {string} budgetEpsilon
             * @memberof cohort.v1.RecordSpend
             * @instance
             */
            RecordSpend.prototype.budgetEpsilon = "";

            /**
             * RecordSpend delta.
             * @member {string} delta
             * @memberof cohort.v1.RecordSpend
             * @instance
             */
            RecordSpend.prototype.delta = "";

            /**
             * Creates a new RecordSpend instance using the specified properties.
             * @function create
             * @memberof cohort.v1.RecordSpend
             * @static
             * @param {cohort.v1.RecordSpend.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.RecordSpend} RecordSpend instance
             * @type {{
             *   (properties: cohort.v1.RecordSpend.$Shape): cohort.v1.RecordSpend & cohort.v1.RecordSpend.$Shape;
             *   (properties?: cohort.v1.RecordSpend.$Properties): cohort.v1.RecordSpend;
             * }}
             */
            RecordSpend.create = function(properties) {
                return new RecordSpend(properties);
            };

            /**
             * Encodes the specified RecordSpend message. Does not implicitly {@link cohort.v1.RecordSpend.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.RecordSpend
             * @static
             * @param {cohort.v1.RecordSpend.$Properties} m RecordSpend message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RecordSpend.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.epsilon != null && $Object.hasOwnProperty.call(m, "epsilon") && m.epsilon !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.epsilon);
                if (m.budgetEpsilon != null && $Object.hasOwnProperty.call(m, "budgetEpsilon") && m.budgetEpsilon !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.budgetEpsilon);
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && m.delta !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.delta);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RecordSpend message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.RecordSpend
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.RecordSpend & cohort.v1.RecordSpend.$Shape} RecordSpend
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RecordSpend.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.RecordSpend();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.epsilon = v;
                            else
                                delete m.epsilon;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.budgetEpsilon = v;
                            else
                                delete m.budgetEpsilon;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a RecordSpend message.
             * @function verify
             * @memberof cohort.v1.RecordSpend
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RecordSpend.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.epsilon != null && $Object.hasOwnProperty.call(m, "epsilon")) {
                    if (!$util.isString(m.epsilon))
                        return "epsilon: string expected";
                }
                if (m.budgetEpsilon != null && $Object.hasOwnProperty.call(m, "budgetEpsilon")) {
                    if (!$util.isString(m.budgetEpsilon))
                        return "budgetEpsilon: string expected";
                }
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    if (!$util.isString(m.delta))
                        return "delta: string expected";
                }
                return null;
            };

            /**
             * Gets the type url for RecordSpend
             * @function getTypeUrl
             * @memberof cohort.v1.RecordSpend
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RecordSpend.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.RecordSpend";
            };

            return RecordSpend;
        })();

        v1.ConsistencyRequest = (function() {

            /**
             * Properties of a ConsistencyRequest.
             * @typedef {Object} cohort.v1.ConsistencyRequest.$Properties
             * @property {Array.<string>|null} [survivors] ConsistencyRequest survivors
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConsistencyRequest.
             * @memberof cohort.v1
             * @interface IConsistencyRequest
             * @augments cohort.v1.ConsistencyRequest.$Properties
             * @deprecated Use cohort.v1.ConsistencyRequest.$Properties instead.
             */

            /**
             * Shape of a ConsistencyRequest.
             * @typedef {cohort.v1.ConsistencyRequest.$Properties} cohort.v1.ConsistencyRequest.$Shape
             */

            /**
             * Constructs a new ConsistencyRequest.
             * @memberof cohort.v1
             * @classdesc Represents a ConsistencyRequest.
             * @constructor
             * @param {cohort.v1.ConsistencyRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConsistencyRequest = function (p) {
                this.survivors = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ConsistencyRequest survivors.
             * @member {Array.<string>} survivors
             * @memberof cohort.v1.ConsistencyRequest
             * @instance
             */
            ConsistencyRequest.prototype.survivors = $util.emptyArray;

            /**
             * Creates a new ConsistencyRequest instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ConsistencyRequest
             * @static
             * @param {cohort.v1.ConsistencyRequest.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ConsistencyRequest} ConsistencyRequest instance
             * @type {{
             *   (properties: cohort.v1.ConsistencyRequest.$Shape): cohort.v1.ConsistencyRequest & cohort.v1.ConsistencyRequest.$Shape;
             *   (properties?: cohort.v1.ConsistencyRequest.$Properties): cohort.v1.ConsistencyRequest;
             * }}
             */
            ConsistencyRequest.create = function(properties) {
                return new ConsistencyRequest(properties);
            };

            /**
             * Encodes the specified ConsistencyRequest message. Does not implicitly {@link cohort.v1.ConsistencyRequest.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ConsistencyRequest
             * @static
             * @param {cohort.v1.ConsistencyRequest.$Properties} m ConsistencyRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConsistencyRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.survivors != null && m.survivors.length) {
                    for (var i = 0; i < m.survivors.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).string(m.survivors[i]);
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ConsistencyRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ConsistencyRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ConsistencyRequest & cohort.v1.ConsistencyRequest.$Shape} ConsistencyRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConsistencyRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ConsistencyRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.survivors && m.survivors.length))
                                m.survivors = [];
                            m.survivors.push(r.stringVerify());
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ConsistencyRequest message.
             * @function verify
             * @memberof cohort.v1.ConsistencyRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ConsistencyRequest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.survivors != null && $Object.hasOwnProperty.call(m, "survivors")) {
                    if (!$Array.isArray(m.survivors))
                        return "survivors: array expected";
                    for (var i = 0; i < m.survivors.length; ++i) {
                        if (!$util.isString(m.survivors[i]))
                            return "survivors: string[] expected";
                    }
                }
                return null;
            };

            /**
             * Gets the type url for ConsistencyRequest
             * @function getTypeUrl
             * @memberof cohort.v1.ConsistencyRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConsistencyRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ConsistencyRequest";
            };

            return ConsistencyRequest;
        })();

        v1.ConsistencySignature = (function() {

            /**
             * Properties of a ConsistencySignature.
             * @typedef {Object} cohort.v1.ConsistencySignature.$Properties
             * @property {string|null} [agency] ConsistencySignature agency
             * @property {Uint8Array|null} [offerSha256] ConsistencySignature offerSha256
             * @property {Uint8Array|null} [graphSeed] ConsistencySignature graphSeed
             * @property {Uint8Array|null} [signature] ConsistencySignature signature
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ConsistencySignature.
             * @memberof cohort.v1
             * @interface IConsistencySignature
             * @augments cohort.v1.ConsistencySignature.$Properties
             * @deprecated Use cohort.v1.ConsistencySignature.$Properties instead.
             */

            /**
             * Shape of a ConsistencySignature.
             * @typedef {cohort.v1.ConsistencySignature.$Properties} cohort.v1.ConsistencySignature.$Shape
             */

            /**
             * Constructs a new ConsistencySignature.
             * @memberof cohort.v1
             * @classdesc Represents a ConsistencySignature.
             * @constructor
             * @param {cohort.v1.ConsistencySignature.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ConsistencySignature = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ConsistencySignature agency.
             * @member {string} agency
             * @memberof cohort.v1.ConsistencySignature
             * @instance
             */
            ConsistencySignature.prototype.agency = "";

            /**
             * ConsistencySignature offerSha256.
             * @member {Uint8Array} offerSha256
             * @memberof cohort.v1.ConsistencySignature
             * @instance
             */
            ConsistencySignature.prototype.offerSha256 = $util.newBuffer([]);

            /**
             * ConsistencySignature graphSeed.
             * @member {Uint8Array} graphSeed
             * @memberof cohort.v1.ConsistencySignature
             * @instance
             */
            ConsistencySignature.prototype.graphSeed = $util.newBuffer([]);

            /**
             * ConsistencySignature signature.
             * @member {Uint8Array} signature
             * @memberof cohort.v1.ConsistencySignature
             * @instance
             */
            ConsistencySignature.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new ConsistencySignature instance using the specified properties.
             * @function create
             * @memberof cohort.v1.ConsistencySignature
             * @static
             * @param {cohort.v1.ConsistencySignature.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.ConsistencySignature} ConsistencySignature instance
             * @type {{
             *   (properties: cohort.v1.ConsistencySignature.$Shape): cohort.v1.ConsistencySignature & cohort.v1.ConsistencySignature.$Shape;
             *   (properties?: cohort.v1.ConsistencySignature.$Properties): cohort.v1.ConsistencySignature;
             * }}
             */
            ConsistencySignature.create = function(properties) {
                return new ConsistencySignature(properties);
            };

            /**
             * Encodes the specified ConsistencySignature message. Does not implicitly {@link cohort.v1.ConsistencySignature.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.ConsistencySignature
             * @static
             * @param {cohort.v1.ConsistencySignature.$Properties} m ConsistencySignature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ConsistencySignature.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency") && m.agency !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.agency);
                if (m.offerSha256 != null && $Object.hasOwnProperty.call(m, "offerSha256") && m.offerSha256.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.offerSha256);
                if (m.graphSeed != null && $Object.hasOwnProperty.call(m, "graphSeed") && m.graphSeed.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.graphSeed);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.signature);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a ConsistencySignature message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.ConsistencySignature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.ConsistencySignature & cohort.v1.ConsistencySignature.$Shape} ConsistencySignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ConsistencySignature.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.ConsistencySignature();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agency = v;
                            else
                                delete m.agency;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.offerSha256 = v;
                            else
                                delete m.offerSha256;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.graphSeed = v;
                            else
                                delete m.graphSeed;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a ConsistencySignature message.
             * @function verify
             * @memberof cohort.v1.ConsistencySignature
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ConsistencySignature.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.agency != null && $Object.hasOwnProperty.call(m, "agency")) {
                    if (!$util.isString(m.agency))
                        return "agency: string expected";
                }
                if (m.offerSha256 != null && $Object.hasOwnProperty.call(m, "offerSha256")) {
                    if (!(m.offerSha256 && typeof m.offerSha256.length === "number" || $util.isString(m.offerSha256)))
                        return "offerSha256: buffer expected";
                }
                if (m.graphSeed != null && $Object.hasOwnProperty.call(m, "graphSeed")) {
                    if (!(m.graphSeed && typeof m.graphSeed.length === "number" || $util.isString(m.graphSeed)))
                        return "graphSeed: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for ConsistencySignature
             * @function getTypeUrl
             * @memberof cohort.v1.ConsistencySignature
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ConsistencySignature.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.ConsistencySignature";
            };

            return ConsistencySignature;
        })();

        v1.UnmaskRequest = (function() {

            /**
             * Properties of an UnmaskRequest.
             * @typedef {Object} cohort.v1.UnmaskRequest.$Properties
             * @property {Array.<string>|null} [survivors] UnmaskRequest survivors
             * @property {Array.<cohort.v1.ConsistencySignature.$Properties>|null} [signatures] UnmaskRequest signatures
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UnmaskRequest.
             * @memberof cohort.v1
             * @interface IUnmaskRequest
             * @augments cohort.v1.UnmaskRequest.$Properties
             * @deprecated Use cohort.v1.UnmaskRequest.$Properties instead.
             */

            /**
             * Shape of an UnmaskRequest.
             * @typedef {cohort.v1.UnmaskRequest.$Properties} cohort.v1.UnmaskRequest.$Shape
             */

            /**
             * Constructs a new UnmaskRequest.
             * @memberof cohort.v1
             * @classdesc Represents an UnmaskRequest.
             * @constructor
             * @param {cohort.v1.UnmaskRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UnmaskRequest = function (p) {
                this.survivors = [];
                this.signatures = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * UnmaskRequest survivors.
             * @member {Array.<string>} survivors
             * @memberof cohort.v1.UnmaskRequest
             * @instance
             */
            UnmaskRequest.prototype.survivors = $util.emptyArray;

            /**
             * UnmaskRequest signatures.
             * @member {Array.<cohort.v1.ConsistencySignature.$Properties>} signatures
             * @memberof cohort.v1.UnmaskRequest
             * @instance
             */
            UnmaskRequest.prototype.signatures = $util.emptyArray;

            /**
             * Creates a new UnmaskRequest instance using the specified properties.
             * @function create
             * @memberof cohort.v1.UnmaskRequest
             * @static
             * @param {cohort.v1.UnmaskRequest.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.UnmaskRequest} UnmaskRequest instance
             * @type {{
             *   (properties: cohort.v1.UnmaskRequest.$Shape): cohort.v1.UnmaskRequest & cohort.v1.UnmaskRequest.$Shape;
             *   (properties?: cohort.v1.UnmaskRequest.$Properties): cohort.v1.UnmaskRequest;
             * }}
             */
            UnmaskRequest.create = function(properties) {
                return new UnmaskRequest(properties);
            };

            /**
             * Encodes the specified UnmaskRequest message. Does not implicitly {@link cohort.v1.UnmaskRequest.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.UnmaskRequest
             * @static
             * @param {cohort.v1.UnmaskRequest.$Properties} m UnmaskRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UnmaskRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.survivors != null && m.survivors.length) {
                    for (var i = 0; i < m.survivors.length; ++i)
                        w.uint32(/* id 1, wireType 2 =*/10).string(m.survivors[i]);
                }
                if (m.signatures != null && m.signatures.length) {
                    for (var i = 0; i < m.signatures.length; ++i)
                        $root.cohort.v1.ConsistencySignature.encode(m.signatures[i], w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an UnmaskRequest message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.UnmaskRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.UnmaskRequest & cohort.v1.UnmaskRequest.$Shape} UnmaskRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UnmaskRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.UnmaskRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.survivors && m.survivors.length))
                                m.survivors = [];
                            m.survivors.push(r.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.signatures && m.signatures.length))
                                m.signatures = [];
                            m.signatures.push($root.cohort.v1.ConsistencySignature.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an UnmaskRequest message.
             * @function verify
             * @memberof cohort.v1.UnmaskRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            UnmaskRequest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.survivors != null && $Object.hasOwnProperty.call(m, "survivors")) {
                    if (!$Array.isArray(m.survivors))
                        return "survivors: array expected";
                    for (var i = 0; i < m.survivors.length; ++i) {
                        if (!$util.isString(m.survivors[i]))
                            return "survivors: string[] expected";
                    }
                }
                if (m.signatures != null && $Object.hasOwnProperty.call(m, "signatures")) {
                    if (!$Array.isArray(m.signatures))
                        return "signatures: array expected";
                    for (var i = 0; i < m.signatures.length; ++i) {
                        {
                            var e = $root.cohort.v1.ConsistencySignature.verify(m.signatures[i], q + 1);
                            if (e)
                                return "signatures." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Gets the type url for UnmaskRequest
             * @function getTypeUrl
             * @memberof cohort.v1.UnmaskRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UnmaskRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.UnmaskRequest";
            };

            return UnmaskRequest;
        })();

        v1.RevealedShare = (function() {

            /**
             * Properties of a RevealedShare.
             * @typedef {Object} cohort.v1.RevealedShare.$Properties
             * @property {string|null} [owner] RevealedShare owner
             * @property {string|null} [kind] RevealedShare kind
             * @property {Uint8Array|null} [share] RevealedShare share
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RevealedShare.
             * @memberof cohort.v1
             * @interface IRevealedShare
             * @augments cohort.v1.RevealedShare.$Properties
             * @deprecated Use cohort.v1.RevealedShare.$Properties instead.
             */

            /**
             * Shape of a RevealedShare.
             * @typedef {cohort.v1.RevealedShare.$Properties} cohort.v1.RevealedShare.$Shape
             */

            /**
             * Constructs a new RevealedShare.
             * @memberof cohort.v1
             * @classdesc Represents a RevealedShare.
             * @constructor
             * @param {cohort.v1.RevealedShare.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RevealedShare = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RevealedShare owner.
             * @member {string} owner
             * @memberof cohort.v1.RevealedShare
             * @instance
             */
            RevealedShare.prototype.owner = "";

            /**
             * RevealedShare kind.
             * @member {string} kind
             * @memberof cohort.v1.RevealedShare
             * @instance
             */
            RevealedShare.prototype.kind = "";

            /**
             * RevealedShare share.
             * @member {Uint8Array} share
             * @memberof cohort.v1.RevealedShare
             * @instance
             */
            RevealedShare.prototype.share = $util.newBuffer([]);

            /**
             * Creates a new RevealedShare instance using the specified properties.
             * @function create
             * @memberof cohort.v1.RevealedShare
             * @static
             * @param {cohort.v1.RevealedShare.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.RevealedShare} RevealedShare instance
             * @type {{
             *   (properties: cohort.v1.RevealedShare.$Shape): cohort.v1.RevealedShare & cohort.v1.RevealedShare.$Shape;
             *   (properties?: cohort.v1.RevealedShare.$Properties): cohort.v1.RevealedShare;
             * }}
             */
            RevealedShare.create = function(properties) {
                return new RevealedShare(properties);
            };

            /**
             * Encodes the specified RevealedShare message. Does not implicitly {@link cohort.v1.RevealedShare.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.RevealedShare
             * @static
             * @param {cohort.v1.RevealedShare.$Properties} m RevealedShare message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevealedShare.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.owner != null && $Object.hasOwnProperty.call(m, "owner") && m.owner !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.owner);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.kind);
                if (m.share != null && $Object.hasOwnProperty.call(m, "share") && m.share.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.share);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a RevealedShare message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.RevealedShare
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.RevealedShare & cohort.v1.RevealedShare.$Shape} RevealedShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevealedShare.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.RevealedShare();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.owner = v;
                            else
                                delete m.owner;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.share = v;
                            else
                                delete m.share;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a RevealedShare message.
             * @function verify
             * @memberof cohort.v1.RevealedShare
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RevealedShare.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.owner != null && $Object.hasOwnProperty.call(m, "owner")) {
                    if (!$util.isString(m.owner))
                        return "owner: string expected";
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.share != null && $Object.hasOwnProperty.call(m, "share")) {
                    if (!(m.share && typeof m.share.length === "number" || $util.isString(m.share)))
                        return "share: buffer expected";
                }
                return null;
            };

            /**
             * Gets the type url for RevealedShare
             * @function getTypeUrl
             * @memberof cohort.v1.RevealedShare
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RevealedShare.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.RevealedShare";
            };

            return RevealedShare;
        })();

        v1.UnmaskResponse = (function() {

            /**
             * Properties of an UnmaskResponse.
             * @typedef {Object} cohort.v1.UnmaskResponse.$Properties
             * @property {Array.<cohort.v1.RevealedShare.$Properties>|null} [shares] UnmaskResponse shares
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an UnmaskResponse.
             * @memberof cohort.v1
             * @interface IUnmaskResponse
             * @augments cohort.v1.UnmaskResponse.$Properties
             * @deprecated Use cohort.v1.UnmaskResponse.$Properties instead.
             */

            /**
             * Shape of an UnmaskResponse.
             * @typedef {cohort.v1.UnmaskResponse.$Properties} cohort.v1.UnmaskResponse.$Shape
             */

            /**
             * Constructs a new UnmaskResponse.
             * @memberof cohort.v1
             * @classdesc Represents an UnmaskResponse.
             * @constructor
             * @param {cohort.v1.UnmaskResponse.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const UnmaskResponse = function (p) {
                this.shares = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * UnmaskResponse shares.
             * @member {Array.<cohort.v1.RevealedShare.$Properties>} shares
             * @memberof cohort.v1.UnmaskResponse
             * @instance
             */
            UnmaskResponse.prototype.shares = $util.emptyArray;

            /**
             * Creates a new UnmaskResponse instance using the specified properties.
             * @function create
             * @memberof cohort.v1.UnmaskResponse
             * @static
             * @param {cohort.v1.UnmaskResponse.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.UnmaskResponse} UnmaskResponse instance
             * @type {{
             *   (properties: cohort.v1.UnmaskResponse.$Shape): cohort.v1.UnmaskResponse & cohort.v1.UnmaskResponse.$Shape;
             *   (properties?: cohort.v1.UnmaskResponse.$Properties): cohort.v1.UnmaskResponse;
             * }}
             */
            UnmaskResponse.create = function(properties) {
                return new UnmaskResponse(properties);
            };

            /**
             * Encodes the specified UnmaskResponse message. Does not implicitly {@link cohort.v1.UnmaskResponse.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.UnmaskResponse
             * @static
             * @param {cohort.v1.UnmaskResponse.$Properties} m UnmaskResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UnmaskResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.shares != null && m.shares.length) {
                    for (var i = 0; i < m.shares.length; ++i)
                        $root.cohort.v1.RevealedShare.encode(m.shares[i], w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an UnmaskResponse message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.UnmaskResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.UnmaskResponse & cohort.v1.UnmaskResponse.$Shape} UnmaskResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UnmaskResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.UnmaskResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if (!(m.shares && m.shares.length))
                                m.shares = [];
                            m.shares.push($root.cohort.v1.RevealedShare.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an UnmaskResponse message.
             * @function verify
             * @memberof cohort.v1.UnmaskResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            UnmaskResponse.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.shares != null && $Object.hasOwnProperty.call(m, "shares")) {
                    if (!$Array.isArray(m.shares))
                        return "shares: array expected";
                    for (var i = 0; i < m.shares.length; ++i) {
                        {
                            var e = $root.cohort.v1.RevealedShare.verify(m.shares[i], q + 1);
                            if (e)
                                return "shares." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Gets the type url for UnmaskResponse
             * @function getTypeUrl
             * @memberof cohort.v1.UnmaskResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            UnmaskResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.UnmaskResponse";
            };

            return UnmaskResponse;
        })();

        v1.MetricTotals = (function() {

            /**
             * Properties of a MetricTotals.
             * @typedef {Object} cohort.v1.MetricTotals.$Properties
             * @property {number|null} [examples] MetricTotals examples
             * @property {number|null} [lossSum] MetricTotals lossSum
             * @property {Array.<number>|null} [confusion] MetricTotals confusion
             * @property {Array.<number>|null} [scoreHistogram] MetricTotals scoreHistogram
             * @property {number|null} [squaredErrorSum] MetricTotals squaredErrorSum
             * @property {number|null} [absoluteErrorSum] MetricTotals absoluteErrorSum
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MetricTotals.
             * @memberof cohort.v1
             * @interface IMetricTotals
             * @augments cohort.v1.MetricTotals.$Properties
             * @deprecated Use cohort.v1.MetricTotals.$Properties instead.
             */

            /**
             * Shape of a MetricTotals.
             * @typedef {cohort.v1.MetricTotals.$Properties} cohort.v1.MetricTotals.$Shape
             */

            /**
             * Constructs a new MetricTotals.
             * @memberof cohort.v1
             * @classdesc Represents a MetricTotals.
             * @constructor
             * @param {cohort.v1.MetricTotals.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MetricTotals = function (p) {
                this.confusion = [];
                this.scoreHistogram = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * MetricTotals examples.
             * @member {number} examples
             * @memberof cohort.v1.MetricTotals
             * @instance
             */
            MetricTotals.prototype.examples = 0;

            /**
             * MetricTotals lossSum.
             * @member {number} lossSum
             * @memberof cohort.v1.MetricTotals
             * @instance
             */
            MetricTotals.prototype.lossSum = 0;

            /**
             * MetricTotals confusion.
             * @member {Array.<number>} confusion
             * @memberof cohort.v1.MetricTotals
             * @instance
             */
            MetricTotals.prototype.confusion = $util.emptyArray;

            /**
             * MetricTotals scoreHistogram.
             * @member {Array.<number>} scoreHistogram
             * @memberof cohort.v1.MetricTotals
             * @instance
             */
            MetricTotals.prototype.scoreHistogram = $util.emptyArray;

            /**
             * MetricTotals squaredErrorSum.
             * @member {number} squaredErrorSum
             * @memberof cohort.v1.MetricTotals
             * @instance
             */
            MetricTotals.prototype.squaredErrorSum = 0;

            /**
             * MetricTotals absoluteErrorSum.
             * @member {number} absoluteErrorSum
             * @memberof cohort.v1.MetricTotals
             * @instance
             */
            MetricTotals.prototype.absoluteErrorSum = 0;

            /**
             * Creates a new MetricTotals instance using the specified properties.
             * @function create
             * @memberof cohort.v1.MetricTotals
             * @static
             * @param {cohort.v1.MetricTotals.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.MetricTotals} MetricTotals instance
             * @type {{
             *   (properties: cohort.v1.MetricTotals.$Shape): cohort.v1.MetricTotals & cohort.v1.MetricTotals.$Shape;
             *   (properties?: cohort.v1.MetricTotals.$Properties): cohort.v1.MetricTotals;
             * }}
             */
            MetricTotals.create = function(properties) {
                return new MetricTotals(properties);
            };

            /**
             * Encodes the specified MetricTotals message. Does not implicitly {@link cohort.v1.MetricTotals.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.MetricTotals
             * @static
             * @param {cohort.v1.MetricTotals.$Properties} m MetricTotals message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MetricTotals.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.examples != null && $Object.hasOwnProperty.call(m, "examples") && m.examples !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.examples);
                if (m.lossSum != null && $Object.hasOwnProperty.call(m, "lossSum") && !$Object.is(m.lossSum, 0))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.lossSum);
                if (m.confusion != null && m.confusion.length) {
                    w.uint32(/* id 3, wireType 2 =*/26).uint32s(m.confusion);
                }
                if (m.scoreHistogram != null && m.scoreHistogram.length) {
                    w.uint32(/* id 4, wireType 2 =*/34).uint32s(m.scoreHistogram);
                }
                if (m.squaredErrorSum != null && $Object.hasOwnProperty.call(m, "squaredErrorSum") && !$Object.is(m.squaredErrorSum, 0))
                    w.uint32(/* id 5, wireType 1 =*/41).double(m.squaredErrorSum);
                if (m.absoluteErrorSum != null && $Object.hasOwnProperty.call(m, "absoluteErrorSum") && !$Object.is(m.absoluteErrorSum, 0))
                    w.uint32(/* id 6, wireType 1 =*/49).double(m.absoluteErrorSum);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a MetricTotals message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.MetricTotals
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.MetricTotals & cohort.v1.MetricTotals.$Shape} MetricTotals
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MetricTotals.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.MetricTotals();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.examples = v;
                            else
                                delete m.examples;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.lossSum = v;
                            else
                                delete m.lossSum;
                            continue;
                        }
                    case 3: {
                            if (u === 2) {
                                if (!(m.confusion && m.confusion.length))
                                    m.confusion = [];
                                r.uint32s(m.confusion);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.confusion && m.confusion.length))
                                m.confusion = [];
                            m.confusion.push(r.uint32());
                            continue;
                        }
                    case 4: {
                            if (u === 2) {
                                if (!(m.scoreHistogram && m.scoreHistogram.length))
                                    m.scoreHistogram = [];
                                r.uint32s(m.scoreHistogram);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.scoreHistogram && m.scoreHistogram.length))
                                m.scoreHistogram = [];
                            m.scoreHistogram.push(r.uint32());
                            continue;
                        }
                    case 5: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.squaredErrorSum = v;
                            else
                                delete m.squaredErrorSum;
                            continue;
                        }
                    case 6: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.absoluteErrorSum = v;
                            else
                                delete m.absoluteErrorSum;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a MetricTotals message.
             * @function verify
             * @memberof cohort.v1.MetricTotals
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            MetricTotals.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.examples != null && $Object.hasOwnProperty.call(m, "examples")) {
                    if (!$util.isInteger(m.examples))
                        return "examples: integer expected";
                }
                if (m.lossSum != null && $Object.hasOwnProperty.call(m, "lossSum")) {
                    if (typeof m.lossSum !== "number")
                        return "lossSum: number expected";
                }
                if (m.confusion != null && $Object.hasOwnProperty.call(m, "confusion")) {
                    if (!$Array.isArray(m.confusion))
                        return "confusion: array expected";
                    for (var i = 0; i < m.confusion.length; ++i) {
                        if (!$util.isInteger(m.confusion[i]))
                            return "confusion: integer[] expected";
                    }
                }
                if (m.scoreHistogram != null && $Object.hasOwnProperty.call(m, "scoreHistogram")) {
                    if (!$Array.isArray(m.scoreHistogram))
                        return "scoreHistogram: array expected";
                    for (var i = 0; i < m.scoreHistogram.length; ++i) {
                        if (!$util.isInteger(m.scoreHistogram[i]))
                            return "scoreHistogram: integer[] expected";
                    }
                }
                if (m.squaredErrorSum != null && $Object.hasOwnProperty.call(m, "squaredErrorSum")) {
                    if (typeof m.squaredErrorSum !== "number")
                        return "squaredErrorSum: number expected";
                }
                if (m.absoluteErrorSum != null && $Object.hasOwnProperty.call(m, "absoluteErrorSum")) {
                    if (typeof m.absoluteErrorSum !== "number")
                        return "absoluteErrorSum: number expected";
                }
                return null;
            };

            /**
             * Gets the type url for MetricTotals
             * @function getTypeUrl
             * @memberof cohort.v1.MetricTotals
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MetricTotals.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.MetricTotals";
            };

            return MetricTotals;
        })();

        v1.AgencyMetrics = (function() {

            /**
             * Properties of an AgencyMetrics.
             * @typedef {Object} cohort.v1.AgencyMetrics.$Properties
             * @property {number|null} [trainExamples] AgencyMetrics trainExamples
             * @property {number|null} [trainLossSum] AgencyMetrics trainLossSum
             * @property {cohort.v1.MetricTotals.$Properties|null} [validation] AgencyMetrics validation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgencyMetrics.
             * @memberof cohort.v1
             * @interface IAgencyMetrics
             * @augments cohort.v1.AgencyMetrics.$Properties
             * @deprecated Use cohort.v1.AgencyMetrics.$Properties instead.
             */

            /**
             * Shape of an AgencyMetrics.
             * @typedef {cohort.v1.AgencyMetrics.$Properties} cohort.v1.AgencyMetrics.$Shape
             */

            /**
             * Constructs a new AgencyMetrics.
             * @memberof cohort.v1
             * @classdesc Represents an AgencyMetrics.
             * @constructor
             * @param {cohort.v1.AgencyMetrics.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgencyMetrics = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AgencyMetrics trainExamples.
             * @member {number} trainExamples
             * @memberof cohort.v1.AgencyMetrics
             * @instance
             */
            AgencyMetrics.prototype.trainExamples = 0;

            /**
             * AgencyMetrics trainLossSum.
             * @member {number} trainLossSum
             * @memberof cohort.v1.AgencyMetrics
             * @instance
             */
            AgencyMetrics.prototype.trainLossSum = 0;

            /**
             * AgencyMetrics validation.
             * @member {cohort.v1.MetricTotals.$Properties|null|undefined} validation
             * @memberof cohort.v1.AgencyMetrics
             * @instance
             */
            AgencyMetrics.prototype.validation = null;

            /**
             * Creates a new AgencyMetrics instance using the specified properties.
             * @function create
             * @memberof cohort.v1.AgencyMetrics
             * @static
             * @param {cohort.v1.AgencyMetrics.$Properties=} [properties] Properties to set
             * @returns {cohort.v1.AgencyMetrics} AgencyMetrics instance
             * @type {{
             *   (properties: cohort.v1.AgencyMetrics.$Shape): cohort.v1.AgencyMetrics & cohort.v1.AgencyMetrics.$Shape;
             *   (properties?: cohort.v1.AgencyMetrics.$Properties): cohort.v1.AgencyMetrics;
             * }}
             */
            AgencyMetrics.create = function(properties) {
                return new AgencyMetrics(properties);
            };

            /**
             * Encodes the specified AgencyMetrics message. Does not implicitly {@link cohort.v1.AgencyMetrics.verify|verify} messages.
             * @function encode
             * @memberof cohort.v1.AgencyMetrics
             * @static
             * @param {cohort.v1.AgencyMetrics.$Properties} m AgencyMetrics message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgencyMetrics.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.trainExamples != null && $Object.hasOwnProperty.call(m, "trainExamples") && m.trainExamples !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.trainExamples);
                if (m.trainLossSum != null && $Object.hasOwnProperty.call(m, "trainLossSum") && !$Object.is(m.trainLossSum, 0))
                    w.uint32(/* id 2, wireType 1 =*/17).double(m.trainLossSum);
                if (m.validation != null && $Object.hasOwnProperty.call(m, "validation"))
                    $root.cohort.v1.MetricTotals.encode(m.validation, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AgencyMetrics message from the specified reader or buffer.
             * @function decode
             * @memberof cohort.v1.AgencyMetrics
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {cohort.v1.AgencyMetrics & cohort.v1.AgencyMetrics.$Shape} AgencyMetrics
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgencyMetrics.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.cohort.v1.AgencyMetrics();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.trainExamples = v;
                            else
                                delete m.trainExamples;
                            continue;
                        }
                    case 2: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.trainLossSum = v;
                            else
                                delete m.trainLossSum;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.validation = $root.cohort.v1.MetricTotals.decode(r, r.size(), $undefined, q + 1, m.validation);
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an AgencyMetrics message.
             * @function verify
             * @memberof cohort.v1.AgencyMetrics
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AgencyMetrics.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.trainExamples != null && $Object.hasOwnProperty.call(m, "trainExamples")) {
                    if (!$util.isInteger(m.trainExamples))
                        return "trainExamples: integer expected";
                }
                if (m.trainLossSum != null && $Object.hasOwnProperty.call(m, "trainLossSum")) {
                    if (typeof m.trainLossSum !== "number")
                        return "trainLossSum: number expected";
                }
                if (m.validation != null && $Object.hasOwnProperty.call(m, "validation")) {
                    {
                        var e = $root.cohort.v1.MetricTotals.verify(m.validation, q + 1);
                        if (e)
                            return "validation." + e;
                    }
                }
                return null;
            };

            /**
             * Gets the type url for AgencyMetrics
             * @function getTypeUrl
             * @memberof cohort.v1.AgencyMetrics
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AgencyMetrics.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/cohort.v1.AgencyMetrics";
            };

            return AgencyMetrics;
        })();

        return v1;
    })();

    return cohort;
})();

export {
  $root as default
};
