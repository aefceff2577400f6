import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace cohort. */
export namespace cohort {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Frame.
         * @deprecated Use cohort.v1.Frame.$Properties instead.
         */
        interface IFrame extends cohort.v1.Frame.$Properties {
        }

        /** Represents a Frame. */
        class Frame {

            /**
             * Constructs a new Frame.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Frame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Frame clientHello. */
            clientHello?: (cohort.v1.ClientHello.$Properties|null);

            /** Frame serverHello. */
            serverHello?: (cohort.v1.ServerHello.$Properties|null);

            /** Frame clientProof. */
            clientProof?: (cohort.v1.ClientProof.$Properties|null);

            /** Frame envelope. */
            envelope?: (cohort.v1.Envelope.$Properties|null);

            /** Frame rejection. */
            rejection?: (cohort.v1.Rejection.$Properties|null);

            /** Frame kind. */
            kind?: ("clientHello"|"serverHello"|"clientProof"|"envelope"|"rejection");

            /**
             * Creates a new Frame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Frame instance
             */
            static create(properties: cohort.v1.Frame.$Shape): cohort.v1.Frame & cohort.v1.Frame.$Shape;
            static create(properties?: cohort.v1.Frame.$Properties): cohort.v1.Frame;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link cohort.v1.Frame.verify|verify} messages.
             * @param m Frame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Frame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Frame & cohort.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Frame & cohort.v1.Frame.$Shape;

            /**
             * Verifies a Frame message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Frame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Frame {

            /** Properties of a Frame. */
            interface $Properties {

                /** Frame clientHello */
                clientHello?: (cohort.v1.ClientHello.$Properties|null);

                /** Frame serverHello */
                serverHello?: (cohort.v1.ServerHello.$Properties|null);

                /** Frame clientProof */
                clientProof?: (cohort.v1.ClientProof.$Properties|null);

                /** Frame envelope */
                envelope?: (cohort.v1.Envelope.$Properties|null);

                /** Frame rejection */
                rejection?: (cohort.v1.Rejection.$Properties|null);

                /** Frame kind */
                kind?: ("clientHello"|"serverHello"|"clientProof"|"envelope"|"rejection");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Frame. */
            type $Shape = {
              clientHello?: cohort.v1.ClientHello.$Shape|null;
              serverHello?: cohort.v1.ServerHello.$Shape|null;
              clientProof?: cohort.v1.ClientProof.$Shape|null;
              envelope?: cohort.v1.Envelope.$Shape|null;
              rejection?: cohort.v1.Rejection.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; clientHello?: null; serverHello?: null; clientProof?: null; envelope?: null; rejection?: null }|{ kind?: "clientHello"; clientHello: cohort.v1.ClientHello.$Shape; serverHello?: null; clientProof?: null; envelope?: null; rejection?: null }|{ kind?: "serverHello"; clientHello?: null; serverHello: cohort.v1.ServerHello.$Shape; clientProof?: null; envelope?: null; rejection?: null }|{ kind?: "clientProof"; clientHello?: null; serverHello?: null; clientProof: cohort.v1.ClientProof.$Shape; envelope?: null; rejection?: null }|{ kind?: "envelope"; clientHello?: null; serverHello?: null; clientProof?: null; envelope: cohort.v1.Envelope.$Shape; rejection?: null }|{ kind?: "rejection"; clientHello?: null; serverHello?: null; clientProof?: null; envelope?: null; rejection: cohort.v1.Rejection.$Shape })
            );
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use cohort.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends cohort.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope sender. */
            sender: string;

            /** Envelope session. */
            session: Uint8Array;

            /** Envelope seq. */
            seq: number;

            /** Envelope round. */
            round: number;

            /** Envelope stage. */
            stage: cohort.v1.Stage;

            /** Envelope payload. */
            payload: Uint8Array;

            /** Envelope signature. */
            signature: Uint8Array;

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: cohort.v1.Envelope.$Shape): cohort.v1.Envelope & cohort.v1.Envelope.$Shape;
            static create(properties?: cohort.v1.Envelope.$Properties): cohort.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link cohort.v1.Envelope.verify|verify} messages.
             * @param m Envelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Envelope & cohort.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Envelope & cohort.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope sender */
                sender?: (string|null);

                /** Envelope session */
                session?: (Uint8Array|null);

                /** Envelope seq */
                seq?: (number|null);

                /** Envelope round */
                round?: (number|null);

                /** Envelope stage */
                stage?: (cohort.v1.Stage|null);

                /** Envelope payload */
                payload?: (Uint8Array|null);

                /** Envelope signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Envelope. */
            type $Shape = cohort.v1.Envelope.$Properties;
        }

        /** Stage enum. */
        enum Stage {

            /** STAGE_NONE value */
            STAGE_NONE = 0,

            /** STAGE_OFFER value */
            STAGE_OFFER = 1,

            /** STAGE_SHARE_KEYS value */
            STAGE_SHARE_KEYS = 3,

            /** STAGE_MASKED_INPUT value */
            STAGE_MASKED_INPUT = 4,

            /** STAGE_UNMASKING value */
            STAGE_UNMASKING = 5,

            /** STAGE_RESULT value */
            STAGE_RESULT = 6,

            /** STAGE_CONTROL value */
            STAGE_CONTROL = 7,

            /** STAGE_CONSISTENCY value */
            STAGE_CONSISTENCY = 8
        }

        /**
         * Properties of a Message.
         * @deprecated Use cohort.v1.Message.$Properties instead.
         */
        interface IMessage extends cohort.v1.Message.$Properties {
        }

        /** Represents a Message. */
        class Message {

            /**
             * Constructs a new Message.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Message.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Message roundOffer. */
            roundOffer?: (cohort.v1.RoundOffer.$Properties|null);

            /** Message roundAnswer. */
            roundAnswer?: (cohort.v1.RoundAnswer.$Properties|null);

            /** Message plainUpdate. */
            plainUpdate?: (cohort.v1.PlainUpdate.$Properties|null);

            /** Message keyRoster. */
            keyRoster?: (cohort.v1.KeyRoster.$Properties|null);

            /** Message shareBundle. */
            shareBundle?: (cohort.v1.ShareBundle.$Properties|null);

            /** Message shareDelivery. */
            shareDelivery?: (cohort.v1.ShareDelivery.$Properties|null);

            /** Message maskedInput. */
            maskedInput?: (cohort.v1.MaskedInput.$Properties|null);

            /** Message unmaskRequest. */
            unmaskRequest?: (cohort.v1.UnmaskRequest.$Properties|null);

            /** Message unmaskResponse. */
            unmaskResponse?: (cohort.v1.UnmaskResponse.$Properties|null);

            /** Message roundReceipt. */
            roundReceipt?: (cohort.v1.RoundReceipt.$Properties|null);

            /** Message notice. */
            notice?: (cohort.v1.Notice.$Properties|null);

            /** Message consistencyRequest. */
            consistencyRequest?: (cohort.v1.ConsistencyRequest.$Properties|null);

            /** Message consistencySignature. */
            consistencySignature?: (cohort.v1.ConsistencySignature.$Properties|null);

            /** Message kind. */
            kind?: ("roundOffer"|"roundAnswer"|"plainUpdate"|"keyRoster"|"shareBundle"|"shareDelivery"|"maskedInput"|"unmaskRequest"|"unmaskResponse"|"roundReceipt"|"notice"|"consistencyRequest"|"consistencySignature");

            /**
             * Creates a new Message instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Message instance
             */
            static create(properties: cohort.v1.Message.$Shape): cohort.v1.Message & cohort.v1.Message.$Shape;
            static create(properties?: cohort.v1.Message.$Properties): cohort.v1.Message;

            /**
             * Encodes the specified Message message. Does not implicitly {@link cohort.v1.Message.verify|verify} messages.
             * @param m Message message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Message.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Message message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Message & cohort.v1.Message.$Shape} Message
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Message & cohort.v1.Message.$Shape;

            /**
             * Verifies a Message message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Message
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Message {

            /** Properties of a Message. */
            interface $Properties {

                /** Message roundOffer */
                roundOffer?: (cohort.v1.RoundOffer.$Properties|null);

                /** Message roundAnswer */
                roundAnswer?: (cohort.v1.RoundAnswer.$Properties|null);

                /** Message plainUpdate */
                plainUpdate?: (cohort.v1.PlainUpdate.$Properties|null);

                /** Message keyRoster */
                keyRoster?: (cohort.v1.KeyRoster.$Properties|null);

                /** Message shareBundle */
                shareBundle?: (cohort.v1.ShareBundle.$Properties|null);

                /** Message shareDelivery */
                shareDelivery?: (cohort.v1.ShareDelivery.$Properties|null);

                /** Message maskedInput */
                maskedInput?: (cohort.v1.MaskedInput.$Properties|null);

                /** Message unmaskRequest */
                unmaskRequest?: (cohort.v1.UnmaskRequest.$Properties|null);

                /** Message unmaskResponse */
                unmaskResponse?: (cohort.v1.UnmaskResponse.$Properties|null);

                /** Message roundReceipt */
                roundReceipt?: (cohort.v1.RoundReceipt.$Properties|null);

                /** Message notice */
                notice?: (cohort.v1.Notice.$Properties|null);

                /** Message consistencyRequest */
                consistencyRequest?: (cohort.v1.ConsistencyRequest.$Properties|null);

                /** Message consistencySignature */
                consistencySignature?: (cohort.v1.ConsistencySignature.$Properties|null);

                /** Message kind */
                kind?: ("roundOffer"|"roundAnswer"|"plainUpdate"|"keyRoster"|"shareBundle"|"shareDelivery"|"maskedInput"|"unmaskRequest"|"unmaskResponse"|"roundReceipt"|"notice"|"consistencyRequest"|"consistencySignature");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Message. */
            type $Shape = {
              roundOffer?: cohort.v1.RoundOffer.$Shape|null;
              roundAnswer?: cohort.v1.RoundAnswer.$Shape|null;
              plainUpdate?: cohort.v1.PlainUpdate.$Shape|null;
              keyRoster?: cohort.v1.KeyRoster.$Shape|null;
              shareBundle?: cohort.v1.ShareBundle.$Shape|null;
              shareDelivery?: cohort.v1.ShareDelivery.$Shape|null;
              maskedInput?: cohort.v1.MaskedInput.$Shape|null;
              unmaskRequest?: cohort.v1.UnmaskRequest.$Shape|null;
              unmaskResponse?: cohort.v1.UnmaskResponse.$Shape|null;
              roundReceipt?: cohort.v1.RoundReceipt.$Shape|null;
              notice?: cohort.v1.Notice.$Shape|null;
              consistencyRequest?: cohort.v1.ConsistencyRequest.$Shape|null;
              consistencySignature?: cohort.v1.ConsistencySignature.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "roundOffer"; roundOffer: cohort.v1.RoundOffer.$Shape; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "roundAnswer"; roundOffer?: null; roundAnswer: cohort.v1.RoundAnswer.$Shape; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "plainUpdate"; roundOffer?: null; roundAnswer?: null; plainUpdate: cohort.v1.PlainUpdate.$Shape; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "keyRoster"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster: cohort.v1.KeyRoster.$Shape; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "shareBundle"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle: cohort.v1.ShareBundle.$Shape; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "shareDelivery"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery: cohort.v1.ShareDelivery.$Shape; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "maskedInput"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput: cohort.v1.MaskedInput.$Shape; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "unmaskRequest"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest: cohort.v1.UnmaskRequest.$Shape; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "unmaskResponse"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse: cohort.v1.UnmaskResponse.$Shape; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "roundReceipt"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt: cohort.v1.RoundReceipt.$Shape; notice?: null; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "notice"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice: cohort.v1.Notice.$Shape; consistencyRequest?: null; consistencySignature?: null }|{ kind?: "consistencyRequest"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest: cohort.v1.ConsistencyRequest.$Shape; consistencySignature?: null }|{ kind?: "consistencySignature"; roundOffer?: null; roundAnswer?: null; plainUpdate?: null; keyRoster?: null; shareBundle?: null; shareDelivery?: null; maskedInput?: null; unmaskRequest?: null; unmaskResponse?: null; roundReceipt?: null; notice?: null; consistencyRequest?: null; consistencySignature: cohort.v1.ConsistencySignature.$Shape })
            );
        }

        /**
         * Properties of a Rejection.
         * @deprecated Use cohort.v1.Rejection.$Properties instead.
         */
        interface IRejection extends cohort.v1.Rejection.$Properties {
        }

        /** Represents a Rejection. */
        class Rejection {

            /**
             * Constructs a new Rejection.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Rejection.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Rejection code. */
            code: string;

            /** Rejection message. */
            message: string;

            /**
             * Creates a new Rejection instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Rejection instance
             */
            static create(properties: cohort.v1.Rejection.$Shape): cohort.v1.Rejection & cohort.v1.Rejection.$Shape;
            static create(properties?: cohort.v1.Rejection.$Properties): cohort.v1.Rejection;

            /**
             * Encodes the specified Rejection message. Does not implicitly {@link cohort.v1.Rejection.verify|verify} messages.
             * @param m Rejection message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Rejection.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Rejection message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Rejection & cohort.v1.Rejection.$Shape} Rejection
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Rejection & cohort.v1.Rejection.$Shape;

            /**
             * Verifies a Rejection message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Rejection
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Rejection {

            /** Properties of a Rejection. */
            interface $Properties {

                /** Rejection code */
                code?: (string|null);

                /** Rejection message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Rejection. */
            type $Shape = cohort.v1.Rejection.$Properties;
        }

        /**
         * Properties of a ClientHello.
         * @deprecated Use cohort.v1.ClientHello.$Properties instead.
         */
        interface IClientHello extends cohort.v1.ClientHello.$Properties {
        }

        /** Represents a ClientHello. */
        class ClientHello {

            /**
             * Constructs a new ClientHello.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ClientHello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClientHello protocolVersion. */
            protocolVersion: number;

            /** ClientHello agency. */
            agency: string;

            /** ClientHello identityKey. */
            identityKey: Uint8Array;

            /** ClientHello nonce. */
            nonce: Uint8Array;

            /**
             * Creates a new ClientHello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClientHello instance
             */
            static create(properties: cohort.v1.ClientHello.$Shape): cohort.v1.ClientHello & cohort.v1.ClientHello.$Shape;
            static create(properties?: cohort.v1.ClientHello.$Properties): cohort.v1.ClientHello;

            /**
             * Encodes the specified ClientHello message. Does not implicitly {@link cohort.v1.ClientHello.verify|verify} messages.
             * @param m ClientHello message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ClientHello.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClientHello message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ClientHello & cohort.v1.ClientHello.$Shape} ClientHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ClientHello & cohort.v1.ClientHello.$Shape;

            /**
             * Verifies a ClientHello message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ClientHello
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientHello {

            /** Properties of a ClientHello. */
            interface $Properties {

                /** ClientHello protocolVersion */
                protocolVersion?: (number|null);

                /** ClientHello agency */
                agency?: (string|null);

                /** ClientHello identityKey */
                identityKey?: (Uint8Array|null);

                /** ClientHello nonce */
                nonce?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClientHello. */
            type $Shape = cohort.v1.ClientHello.$Properties;
        }

        /**
         * Properties of a ServerHello.
         * @deprecated Use cohort.v1.ServerHello.$Properties instead.
         */
        interface IServerHello extends cohort.v1.ServerHello.$Properties {
        }

        /** Represents a ServerHello. */
        class ServerHello {

            /**
             * Constructs a new ServerHello.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ServerHello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ServerHello protocolVersion. */
            protocolVersion: number;

            /** ServerHello coordinatorKey. */
            coordinatorKey: Uint8Array;

            /** ServerHello nonce. */
            nonce: Uint8Array;

            /** ServerHello session. */
            session: Uint8Array;

            /** ServerHello signature. */
            signature: Uint8Array;

            /** ServerHello maxMessageBytes. */
            maxMessageBytes: number;

            /**
             * Creates a new ServerHello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ServerHello instance
             */
            static create(properties: cohort.v1.ServerHello.$Shape): cohort.v1.ServerHello & cohort.v1.ServerHello.$Shape;
            static create(properties?: cohort.v1.ServerHello.$Properties): cohort.v1.ServerHello;

            /**
             * Encodes the specified ServerHello message. Does not implicitly {@link cohort.v1.ServerHello.verify|verify} messages.
             * @param m ServerHello message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ServerHello.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServerHello message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ServerHello & cohort.v1.ServerHello.$Shape} ServerHello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ServerHello & cohort.v1.ServerHello.$Shape;

            /**
             * Verifies a ServerHello message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ServerHello
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ServerHello {

            /** Properties of a ServerHello. */
            interface $Properties {

                /** ServerHello protocolVersion */
                protocolVersion?: (number|null);

                /** ServerHello coordinatorKey */
                coordinatorKey?: (Uint8Array|null);

                /** ServerHello nonce */
                nonce?: (Uint8Array|null);

                /** ServerHello session */
                session?: (Uint8Array|null);

                /** ServerHello signature */
                signature?: (Uint8Array|null);

                /** ServerHello maxMessageBytes */
                maxMessageBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ServerHello. */
            type $Shape = cohort.v1.ServerHello.$Properties;
        }

        /**
         * Properties of a ClientProof.
         * @deprecated Use cohort.v1.ClientProof.$Properties instead.
         */
        interface IClientProof extends cohort.v1.ClientProof.$Properties {
        }

        /** Represents a ClientProof. */
        class ClientProof {

            /**
             * Constructs a new ClientProof.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ClientProof.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClientProof signature. */
            signature: Uint8Array;

            /**
             * Creates a new ClientProof instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClientProof instance
             */
            static create(properties: cohort.v1.ClientProof.$Shape): cohort.v1.ClientProof & cohort.v1.ClientProof.$Shape;
            static create(properties?: cohort.v1.ClientProof.$Properties): cohort.v1.ClientProof;

            /**
             * Encodes the specified ClientProof message. Does not implicitly {@link cohort.v1.ClientProof.verify|verify} messages.
             * @param m ClientProof message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ClientProof.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClientProof message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ClientProof & cohort.v1.ClientProof.$Shape} ClientProof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ClientProof & cohort.v1.ClientProof.$Shape;

            /**
             * Verifies a ClientProof message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ClientProof
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientProof {

            /** Properties of a ClientProof. */
            interface $Properties {

                /** ClientProof signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClientProof. */
            type $Shape = cohort.v1.ClientProof.$Properties;
        }

        /**
         * Properties of a TrainConfig.
         * @deprecated Use cohort.v1.TrainConfig.$Properties instead.
         */
        interface ITrainConfig extends cohort.v1.TrainConfig.$Properties {
        }

        /** Represents a TrainConfig. */
        class TrainConfig {

            /**
             * Constructs a new TrainConfig.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.TrainConfig.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrainConfig epochs. */
            epochs: number;

            /** TrainConfig batchSize. */
            batchSize: number;

            /** TrainConfig learningRate. */
            learningRate: number;

            /** TrainConfig optimizer. */
            optimizer: string;

            /** TrainConfig proximalMu. */
            proximalMu: number;

            /**
             * Creates a new TrainConfig instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrainConfig instance
             */
            static create(properties: cohort.v1.TrainConfig.$Shape): cohort.v1.TrainConfig & cohort.v1.TrainConfig.$Shape;
            static create(properties?: cohort.v1.TrainConfig.$Properties): cohort.v1.TrainConfig;

            /**
             * Encodes the specified TrainConfig message. Does not implicitly {@link cohort.v1.TrainConfig.verify|verify} messages.
             * @param m TrainConfig message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.TrainConfig.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrainConfig message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.TrainConfig & cohort.v1.TrainConfig.$Shape} TrainConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.TrainConfig & cohort.v1.TrainConfig.$Shape;

            /**
             * Verifies a TrainConfig message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for TrainConfig
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrainConfig {

            /** Properties of a TrainConfig. */
            interface $Properties {

                /** TrainConfig epochs */
                epochs?: (number|null);

                /** TrainConfig batchSize */
                batchSize?: (number|null);

                /** TrainConfig learningRate */
                learningRate?: (number|null);

                /** TrainConfig optimizer */
                optimizer?: (string|null);

                /** TrainConfig proximalMu */
                proximalMu?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrainConfig. */
            type $Shape = cohort.v1.TrainConfig.$Properties;
        }

        /**
         * Properties of a DpConfig.
         * @deprecated Use cohort.v1.DpConfig.$Properties instead.
         */
        interface IDpConfig extends cohort.v1.DpConfig.$Properties {
        }

        /** Represents a DpConfig. */
        class DpConfig {

            /**
             * Constructs a new DpConfig.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.DpConfig.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DpConfig mode. */
            mode: string;

            /** DpConfig clipNorm. */
            clipNorm: number;

            /** DpConfig noiseMultiplier. */
            noiseMultiplier: number;

            /** DpConfig samplingRate. */
            samplingRate: number;

            /** DpConfig delta. */
            delta: number;

            /** DpConfig minSurvivors. */
            minSurvivors: number;

            /**
             * Creates a new DpConfig instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DpConfig instance
             */
            static create(properties: cohort.v1.DpConfig.$Shape): cohort.v1.DpConfig & cohort.v1.DpConfig.$Shape;
            static create(properties?: cohort.v1.DpConfig.$Properties): cohort.v1.DpConfig;

            /**
             * Encodes the specified DpConfig message. Does not implicitly {@link cohort.v1.DpConfig.verify|verify} messages.
             * @param m DpConfig message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.DpConfig.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DpConfig message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.DpConfig & cohort.v1.DpConfig.$Shape} DpConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.DpConfig & cohort.v1.DpConfig.$Shape;

            /**
             * Verifies a DpConfig message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for DpConfig
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DpConfig {

            /** Properties of a DpConfig. */
            interface $Properties {

                /** DpConfig mode */
                mode?: (string|null);

                /** DpConfig clipNorm */
                clipNorm?: (number|null);

                /** DpConfig noiseMultiplier */
                noiseMultiplier?: (number|null);

                /** DpConfig samplingRate */
                samplingRate?: (number|null);

                /** DpConfig delta */
                delta?: (number|null);

                /** DpConfig minSurvivors */
                minSurvivors?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DpConfig. */
            type $Shape = cohort.v1.DpConfig.$Properties;
        }

        /**
         * Properties of a RecordDpConfig.
         * @deprecated Use cohort.v1.RecordDpConfig.$Properties instead.
         */
        interface IRecordDpConfig extends cohort.v1.RecordDpConfig.$Properties {
        }

        /** Represents a RecordDpConfig. */
        class RecordDpConfig {

            /**
             * Constructs a new RecordDpConfig.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.RecordDpConfig.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RecordDpConfig clipNorm. */
            clipNorm: number;

            /** RecordDpConfig noiseMultiplier. */
            noiseMultiplier: number;

            /** RecordDpConfig expectedLotSize. */
            expectedLotSize: number;

            /** RecordDpConfig localSteps. */
            localSteps: number;

            /** RecordDpConfig delta. */
            delta: number;

            /**
             * Creates a new RecordDpConfig instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RecordDpConfig instance
             */
            static create(properties: cohort.v1.RecordDpConfig.$Shape): cohort.v1.RecordDpConfig & cohort.v1.RecordDpConfig.$Shape;
            static create(properties?: cohort.v1.RecordDpConfig.$Properties): cohort.v1.RecordDpConfig;

            /**
             * Encodes the specified RecordDpConfig message. Does not implicitly {@link cohort.v1.RecordDpConfig.verify|verify} messages.
             * @param m RecordDpConfig message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.RecordDpConfig.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RecordDpConfig message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.RecordDpConfig & cohort.v1.RecordDpConfig.$Shape} RecordDpConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.RecordDpConfig & cohort.v1.RecordDpConfig.$Shape;

            /**
             * Verifies a RecordDpConfig message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for RecordDpConfig
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RecordDpConfig {

            /** Properties of a RecordDpConfig. */
            interface $Properties {

                /** RecordDpConfig clipNorm */
                clipNorm?: (number|null);

                /** RecordDpConfig noiseMultiplier */
                noiseMultiplier?: (number|null);

                /** RecordDpConfig expectedLotSize */
                expectedLotSize?: (number|null);

                /** RecordDpConfig localSteps */
                localSteps?: (number|null);

                /** RecordDpConfig delta */
                delta?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RecordDpConfig. */
            type $Shape = cohort.v1.RecordDpConfig.$Properties;
        }

        /**
         * Properties of a Participant.
         * @deprecated Use cohort.v1.Participant.$Properties instead.
         */
        interface IParticipant extends cohort.v1.Participant.$Properties {
        }

        /** Represents a Participant. */
        class Participant {

            /**
             * Constructs a new Participant.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Participant.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Participant agency. */
            agency: string;

            /** Participant identityKey. */
            identityKey: Uint8Array;

            /**
             * Creates a new Participant instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Participant instance
             */
            static create(properties: cohort.v1.Participant.$Shape): cohort.v1.Participant & cohort.v1.Participant.$Shape;
            static create(properties?: cohort.v1.Participant.$Properties): cohort.v1.Participant;

            /**
             * Encodes the specified Participant message. Does not implicitly {@link cohort.v1.Participant.verify|verify} messages.
             * @param m Participant message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Participant.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Participant message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Participant & cohort.v1.Participant.$Shape} Participant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Participant & cohort.v1.Participant.$Shape;

            /**
             * Verifies a Participant message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Participant
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Participant {

            /** Properties of a Participant. */
            interface $Properties {

                /** Participant agency */
                agency?: (string|null);

                /** Participant identityKey */
                identityKey?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Participant. */
            type $Shape = cohort.v1.Participant.$Properties;
        }

        /**
         * Properties of a RoundOffer.
         * @deprecated Use cohort.v1.RoundOffer.$Properties instead.
         */
        interface IRoundOffer extends cohort.v1.RoundOffer.$Properties {
        }

        /** Represents a RoundOffer. */
        class RoundOffer {

            /**
             * Constructs a new RoundOffer.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.RoundOffer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RoundOffer runId. */
            runId: string;

            /** RoundOffer round. */
            round: number;

            /** RoundOffer purpose. */
            purpose: string;

            /** RoundOffer architecture. */
            architecture: string;

            /** RoundOffer modelFingerprint. */
            modelFingerprint: string;

            /** RoundOffer modelTopology. */
            modelTopology: string;

            /** RoundOffer weights. */
            weights: Uint8Array;

            /** RoundOffer train. */
            train?: (cohort.v1.TrainConfig.$Properties|null);

            /** RoundOffer secagg. */
            secagg?: (cohort.v1.SecAggConfig.$Properties|null);

            /** RoundOffer dp. */
            dp?: (cohort.v1.DpConfig.$Properties|null);

            /** RoundOffer cohort. */
            cohort: cohort.v1.Participant.$Properties[];

            /** RoundOffer deadlineMs. */
            deadlineMs: number;

            /** RoundOffer weightCap. */
            weightCap: number;

            /** RoundOffer roster. */
            roster: Uint8Array;

            /** RoundOffer kind. */
            kind: string;

            /** RoundOffer evaluation. */
            evaluation?: (cohort.v1.Evaluation.$Properties|null);

            /** RoundOffer tableSchema. */
            tableSchema: string;

            /** RoundOffer statisticsTotals. */
            statisticsTotals: string;

            /** RoundOffer input. */
            input?: (cohort.v1.InputShape.$Properties|null);

            /** RoundOffer recordDp. */
            recordDp?: (cohort.v1.RecordDpConfig.$Properties|null);

            /**
             * Creates a new RoundOffer instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RoundOffer instance
             */
            static create(properties: cohort.v1.RoundOffer.$Shape): cohort.v1.RoundOffer & cohort.v1.RoundOffer.$Shape;
            static create(properties?: cohort.v1.RoundOffer.$Properties): cohort.v1.RoundOffer;

            /**
             * Encodes the specified RoundOffer message. Does not implicitly {@link cohort.v1.RoundOffer.verify|verify} messages.
             * @param m RoundOffer message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.RoundOffer.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RoundOffer message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.RoundOffer & cohort.v1.RoundOffer.$Shape} RoundOffer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.RoundOffer & cohort.v1.RoundOffer.$Shape;

            /**
             * Verifies a RoundOffer message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for RoundOffer
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoundOffer {

            /** Properties of a RoundOffer. */
            interface $Properties {

                /** RoundOffer runId */
                runId?: (string|null);

                /** RoundOffer round */
                round?: (number|null);

                /** RoundOffer purpose */
                purpose?: (string|null);

                /** RoundOffer architecture */
                architecture?: (string|null);

                /** RoundOffer modelFingerprint */
                modelFingerprint?: (string|null);

                /** RoundOffer modelTopology */
                modelTopology?: (string|null);

                /** RoundOffer weights */
                weights?: (Uint8Array|null);

                /** RoundOffer train */
                train?: (cohort.v1.TrainConfig.$Properties|null);

                /** RoundOffer secagg */
                secagg?: (cohort.v1.SecAggConfig.$Properties|null);

                /** RoundOffer dp */
                dp?: (cohort.v1.DpConfig.$Properties|null);

                /** RoundOffer cohort */
                cohort?: (cohort.v1.Participant.$Properties[]|null);

                /** RoundOffer deadlineMs */
                deadlineMs?: (number|null);

                /** RoundOffer weightCap */
                weightCap?: (number|null);

                /** RoundOffer roster */
                roster?: (Uint8Array|null);

                /** RoundOffer kind */
                kind?: (string|null);

                /** RoundOffer evaluation */
                evaluation?: (cohort.v1.Evaluation.$Properties|null);

                /** RoundOffer tableSchema */
                tableSchema?: (string|null);

                /** RoundOffer statisticsTotals */
                statisticsTotals?: (string|null);

                /** RoundOffer input */
                input?: (cohort.v1.InputShape.$Properties|null);

                /** RoundOffer recordDp */
                recordDp?: (cohort.v1.RecordDpConfig.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RoundOffer. */
            type $Shape = cohort.v1.RoundOffer.$Properties;
        }

        /**
         * Properties of an Evaluation.
         * @deprecated Use cohort.v1.Evaluation.$Properties instead.
         */
        interface IEvaluation extends cohort.v1.Evaluation.$Properties {
        }

        /** Represents an Evaluation. */
        class Evaluation {

            /**
             * Constructs a new Evaluation.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Evaluation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Evaluation validationFraction. */
            validationFraction: number;

            /** Evaluation validate. */
            validate: boolean;

            /** Evaluation task. */
            task: string;

            /** Evaluation classes. */
            classes: number;

            /** Evaluation bins. */
            bins: number;

            /**
             * Creates a new Evaluation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Evaluation instance
             */
            static create(properties: cohort.v1.Evaluation.$Shape): cohort.v1.Evaluation & cohort.v1.Evaluation.$Shape;
            static create(properties?: cohort.v1.Evaluation.$Properties): cohort.v1.Evaluation;

            /**
             * Encodes the specified Evaluation message. Does not implicitly {@link cohort.v1.Evaluation.verify|verify} messages.
             * @param m Evaluation message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Evaluation.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Evaluation message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Evaluation & cohort.v1.Evaluation.$Shape} Evaluation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Evaluation & cohort.v1.Evaluation.$Shape;

            /**
             * Verifies an Evaluation message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Evaluation
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Evaluation {

            /** Properties of an Evaluation. */
            interface $Properties {

                /** Evaluation validationFraction */
                validationFraction?: (number|null);

                /** Evaluation validate */
                validate?: (boolean|null);

                /** Evaluation task */
                task?: (string|null);

                /** Evaluation classes */
                classes?: (number|null);

                /** Evaluation bins */
                bins?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Evaluation. */
            type $Shape = cohort.v1.Evaluation.$Properties;
        }

        /**
         * Properties of an InputShape.
         * @deprecated Use cohort.v1.InputShape.$Properties instead.
         */
        interface IInputShape extends cohort.v1.InputShape.$Properties {
        }

        /** Represents an InputShape. */
        class InputShape {

            /**
             * Constructs a new InputShape.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.InputShape.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InputShape trainingTotals. */
            trainingTotals: boolean;

            /** InputShape validationCounts. */
            validationCounts: number;

            /** InputShape validationSums. */
            validationSums: number;

            /** InputShape statisticsCounts. */
            statisticsCounts: number;

            /** InputShape statisticsSums. */
            statisticsSums: number;

            /**
             * Creates a new InputShape instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InputShape instance
             */
            static create(properties: cohort.v1.InputShape.$Shape): cohort.v1.InputShape & cohort.v1.InputShape.$Shape;
            static create(properties?: cohort.v1.InputShape.$Properties): cohort.v1.InputShape;

            /**
             * Encodes the specified InputShape message. Does not implicitly {@link cohort.v1.InputShape.verify|verify} messages.
             * @param m InputShape message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.InputShape.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InputShape message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.InputShape & cohort.v1.InputShape.$Shape} InputShape
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.InputShape & cohort.v1.InputShape.$Shape;

            /**
             * Verifies an InputShape message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for InputShape
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InputShape {

            /** Properties of an InputShape. */
            interface $Properties {

                /** InputShape trainingTotals */
                trainingTotals?: (boolean|null);

                /** InputShape validationCounts */
                validationCounts?: (number|null);

                /** InputShape validationSums */
                validationSums?: (number|null);

                /** InputShape statisticsCounts */
                statisticsCounts?: (number|null);

                /** InputShape statisticsSums */
                statisticsSums?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InputShape. */
            type $Shape = cohort.v1.InputShape.$Properties;
        }

        /**
         * Properties of a RoundAnswer.
         * @deprecated Use cohort.v1.RoundAnswer.$Properties instead.
         */
        interface IRoundAnswer extends cohort.v1.RoundAnswer.$Properties {
        }

        /** Represents a RoundAnswer. */
        class RoundAnswer {

            /**
             * Constructs a new RoundAnswer.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.RoundAnswer.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RoundAnswer accept. */
            accept: boolean;

            /** RoundAnswer code. */
            code: string;

            /** RoundAnswer reason. */
            reason: string;

            /** RoundAnswer examples. */
            examples: number;

            /** RoundAnswer dataset. */
            dataset?: (cohort.v1.DatasetFingerprint.$Properties|null);

            /** RoundAnswer keyAdvert. */
            keyAdvert?: (cohort.v1.KeyAdvert.$Properties|null);

            /**
             * Creates a new RoundAnswer instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RoundAnswer instance
             */
            static create(properties: cohort.v1.RoundAnswer.$Shape): cohort.v1.RoundAnswer & cohort.v1.RoundAnswer.$Shape;
            static create(properties?: cohort.v1.RoundAnswer.$Properties): cohort.v1.RoundAnswer;

            /**
             * Encodes the specified RoundAnswer message. Does not implicitly {@link cohort.v1.RoundAnswer.verify|verify} messages.
             * @param m RoundAnswer message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.RoundAnswer.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RoundAnswer message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.RoundAnswer & cohort.v1.RoundAnswer.$Shape} RoundAnswer
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.RoundAnswer & cohort.v1.RoundAnswer.$Shape;

            /**
             * Verifies a RoundAnswer message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for RoundAnswer
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoundAnswer {

            /** Properties of a RoundAnswer. */
            interface $Properties {

                /** RoundAnswer accept */
                accept?: (boolean|null);

                /** RoundAnswer code */
                code?: (string|null);

                /** RoundAnswer reason */
                reason?: (string|null);

                /** RoundAnswer examples */
                examples?: (number|null);

                /** RoundAnswer dataset */
                dataset?: (cohort.v1.DatasetFingerprint.$Properties|null);

                /** RoundAnswer keyAdvert */
                keyAdvert?: (cohort.v1.KeyAdvert.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RoundAnswer. */
            type $Shape = cohort.v1.RoundAnswer.$Properties;
        }

        /**
         * Properties of a DatasetFingerprint.
         * @deprecated Use cohort.v1.DatasetFingerprint.$Properties instead.
         */
        interface IDatasetFingerprint extends cohort.v1.DatasetFingerprint.$Properties {
        }

        /** Represents a DatasetFingerprint. */
        class DatasetFingerprint {

            /**
             * Constructs a new DatasetFingerprint.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.DatasetFingerprint.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DatasetFingerprint sha256. */
            sha256: string;

            /** DatasetFingerprint schema. */
            schema: string;

            /** DatasetFingerprint rows. */
            rows: number;

            /** DatasetFingerprint license. */
            license: string;

            /**
             * Creates a new DatasetFingerprint instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DatasetFingerprint instance
             */
            static create(properties: cohort.v1.DatasetFingerprint.$Shape): cohort.v1.DatasetFingerprint & cohort.v1.DatasetFingerprint.$Shape;
            static create(properties?: cohort.v1.DatasetFingerprint.$Properties): cohort.v1.DatasetFingerprint;

            /**
             * Encodes the specified DatasetFingerprint message. Does not implicitly {@link cohort.v1.DatasetFingerprint.verify|verify} messages.
             * @param m DatasetFingerprint message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.DatasetFingerprint.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DatasetFingerprint message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.DatasetFingerprint & cohort.v1.DatasetFingerprint.$Shape} DatasetFingerprint
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.DatasetFingerprint & cohort.v1.DatasetFingerprint.$Shape;

            /**
             * Verifies a DatasetFingerprint message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for DatasetFingerprint
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DatasetFingerprint {

            /** Properties of a DatasetFingerprint. */
            interface $Properties {

                /** DatasetFingerprint sha256 */
                sha256?: (string|null);

                /** DatasetFingerprint schema */
                schema?: (string|null);

                /** DatasetFingerprint rows */
                rows?: (number|null);

                /** DatasetFingerprint license */
                license?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DatasetFingerprint. */
            type $Shape = cohort.v1.DatasetFingerprint.$Properties;
        }

        /**
         * Properties of a PlainUpdate.
         * @deprecated Use cohort.v1.PlainUpdate.$Properties instead.
         */
        interface IPlainUpdate extends cohort.v1.PlainUpdate.$Properties {
        }

        /** Represents a PlainUpdate. */
        class PlainUpdate {

            /**
             * Constructs a new PlainUpdate.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.PlainUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PlainUpdate delta. */
            delta: Uint8Array;

            /** PlainUpdate weight. */
            weight: number;

            /** PlainUpdate loss. */
            loss: number;

            /** PlainUpdate examples. */
            examples: number;

            /** PlainUpdate commitment. */
            commitment: Uint8Array;

            /** PlainUpdate metrics. */
            metrics?: (cohort.v1.AgencyMetrics.$Properties|null);

            /** PlainUpdate recordSpend. */
            recordSpend?: (cohort.v1.RecordSpend.$Properties|null);

            /**
             * Creates a new PlainUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PlainUpdate instance
             */
            static create(properties: cohort.v1.PlainUpdate.$Shape): cohort.v1.PlainUpdate & cohort.v1.PlainUpdate.$Shape;
            static create(properties?: cohort.v1.PlainUpdate.$Properties): cohort.v1.PlainUpdate;

            /**
             * Encodes the specified PlainUpdate message. Does not implicitly {@link cohort.v1.PlainUpdate.verify|verify} messages.
             * @param m PlainUpdate message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.PlainUpdate.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PlainUpdate message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.PlainUpdate & cohort.v1.PlainUpdate.$Shape} PlainUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.PlainUpdate & cohort.v1.PlainUpdate.$Shape;

            /**
             * Verifies a PlainUpdate message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for PlainUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PlainUpdate {

            /** Properties of a PlainUpdate. */
            interface $Properties {

                /** PlainUpdate delta */
                delta?: (Uint8Array|null);

                /** PlainUpdate weight */
                weight?: (number|null);

                /** PlainUpdate loss */
                loss?: (number|null);

                /** PlainUpdate examples */
                examples?: (number|null);

                /** PlainUpdate commitment */
                commitment?: (Uint8Array|null);

                /** PlainUpdate metrics */
                metrics?: (cohort.v1.AgencyMetrics.$Properties|null);

                /** PlainUpdate recordSpend */
                recordSpend?: (cohort.v1.RecordSpend.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PlainUpdate. */
            type $Shape = cohort.v1.PlainUpdate.$Properties;
        }

        /**
         * Properties of a RoundReceipt.
         * @deprecated Use cohort.v1.RoundReceipt.$Properties instead.
         */
        interface IRoundReceipt extends cohort.v1.RoundReceipt.$Properties {
        }

        /** Represents a RoundReceipt. */
        class RoundReceipt {

            /**
             * Constructs a new RoundReceipt.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.RoundReceipt.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RoundReceipt runId. */
            runId: string;

            /** RoundReceipt round. */
            round: number;

            /** RoundReceipt status. */
            status: string;

            /** RoundReceipt reason. */
            reason: string;

            /** RoundReceipt receiptJson. */
            receiptJson: string;

            /** RoundReceipt globalLoss. */
            globalLoss: number;

            /** RoundReceipt globalAccuracy. */
            globalAccuracy: number;

            /**
             * Creates a new RoundReceipt instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RoundReceipt instance
             */
            static create(properties: cohort.v1.RoundReceipt.$Shape): cohort.v1.RoundReceipt & cohort.v1.RoundReceipt.$Shape;
            static create(properties?: cohort.v1.RoundReceipt.$Properties): cohort.v1.RoundReceipt;

            /**
             * Encodes the specified RoundReceipt message. Does not implicitly {@link cohort.v1.RoundReceipt.verify|verify} messages.
             * @param m RoundReceipt message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.RoundReceipt.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RoundReceipt message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.RoundReceipt & cohort.v1.RoundReceipt.$Shape} RoundReceipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.RoundReceipt & cohort.v1.RoundReceipt.$Shape;

            /**
             * Verifies a RoundReceipt message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for RoundReceipt
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoundReceipt {

            /** Properties of a RoundReceipt. */
            interface $Properties {

                /** RoundReceipt runId */
                runId?: (string|null);

                /** RoundReceipt round */
                round?: (number|null);

                /** RoundReceipt status */
                status?: (string|null);

                /** RoundReceipt reason */
                reason?: (string|null);

                /** RoundReceipt receiptJson */
                receiptJson?: (string|null);

                /** RoundReceipt globalLoss */
                globalLoss?: (number|null);

                /** RoundReceipt globalAccuracy */
                globalAccuracy?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RoundReceipt. */
            type $Shape = cohort.v1.RoundReceipt.$Properties;
        }

        /**
         * Properties of a Notice.
         * @deprecated Use cohort.v1.Notice.$Properties instead.
         */
        interface INotice extends cohort.v1.Notice.$Properties {
        }

        /** Represents a Notice. */
        class Notice {

            /**
             * Constructs a new Notice.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.Notice.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Notice code. */
            code: string;

            /** Notice message. */
            message: string;

            /** Notice fatal. */
            fatal: boolean;

            /**
             * Creates a new Notice instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Notice instance
             */
            static create(properties: cohort.v1.Notice.$Shape): cohort.v1.Notice & cohort.v1.Notice.$Shape;
            static create(properties?: cohort.v1.Notice.$Properties): cohort.v1.Notice;

            /**
             * Encodes the specified Notice message. Does not implicitly {@link cohort.v1.Notice.verify|verify} messages.
             * @param m Notice message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.Notice.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Notice message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.Notice & cohort.v1.Notice.$Shape} Notice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.Notice & cohort.v1.Notice.$Shape;

            /**
             * Verifies a Notice message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for Notice
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Notice {

            /** Properties of a Notice. */
            interface $Properties {

                /** Notice code */
                code?: (string|null);

                /** Notice message */
                message?: (string|null);

                /** Notice fatal */
                fatal?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Notice. */
            type $Shape = cohort.v1.Notice.$Properties;
        }

        /**
         * Properties of a SecAggConfig.
         * @deprecated Use cohort.v1.SecAggConfig.$Properties instead.
         */
        interface ISecAggConfig extends cohort.v1.SecAggConfig.$Properties {
        }

        /** Represents a SecAggConfig. */
        class SecAggConfig {

            /**
             * Constructs a new SecAggConfig.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.SecAggConfig.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SecAggConfig threshold. */
            threshold: number;

            /** SecAggConfig degree. */
            degree: number;

            /** SecAggConfig clipRange. */
            clipRange: number;

            /** SecAggConfig bits. */
            bits: number;

            /**
             * Creates a new SecAggConfig instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SecAggConfig instance
             */
            static create(properties: cohort.v1.SecAggConfig.$Shape): cohort.v1.SecAggConfig & cohort.v1.SecAggConfig.$Shape;
            static create(properties?: cohort.v1.SecAggConfig.$Properties): cohort.v1.SecAggConfig;

            /**
             * Encodes the specified SecAggConfig message. Does not implicitly {@link cohort.v1.SecAggConfig.verify|verify} messages.
             * @param m SecAggConfig message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.SecAggConfig.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SecAggConfig message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.SecAggConfig & cohort.v1.SecAggConfig.$Shape} SecAggConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.SecAggConfig & cohort.v1.SecAggConfig.$Shape;

            /**
             * Verifies a SecAggConfig message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for SecAggConfig
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SecAggConfig {

            /** Properties of a SecAggConfig. */
            interface $Properties {

                /** SecAggConfig threshold */
                threshold?: (number|null);

                /** SecAggConfig degree */
                degree?: (number|null);

                /** SecAggConfig clipRange */
                clipRange?: (number|null);

                /** SecAggConfig bits */
                bits?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SecAggConfig. */
            type $Shape = cohort.v1.SecAggConfig.$Properties;
        }

        /**
         * Properties of a KeyAdvert.
         * @deprecated Use cohort.v1.KeyAdvert.$Properties instead.
         */
        interface IKeyAdvert extends cohort.v1.KeyAdvert.$Properties {
        }

        /** Represents a KeyAdvert. */
        class KeyAdvert {

            /**
             * Constructs a new KeyAdvert.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.KeyAdvert.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** KeyAdvert agency. */
            agency: string;

            /** KeyAdvert cPk. */
            cPk: Uint8Array;

            /** KeyAdvert sPk. */
            sPk: Uint8Array;

            /** KeyAdvert signature. */
            signature: Uint8Array;

            /** KeyAdvert seedCommitment. */
            seedCommitment: Uint8Array;

            /** KeyAdvert offerSha256. */
            offerSha256: Uint8Array;

            /**
             * Creates a new KeyAdvert instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KeyAdvert instance
             */
            static create(properties: cohort.v1.KeyAdvert.$Shape): cohort.v1.KeyAdvert & cohort.v1.KeyAdvert.$Shape;
            static create(properties?: cohort.v1.KeyAdvert.$Properties): cohort.v1.KeyAdvert;

            /**
             * Encodes the specified KeyAdvert message. Does not implicitly {@link cohort.v1.KeyAdvert.verify|verify} messages.
             * @param m KeyAdvert message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.KeyAdvert.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KeyAdvert message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.KeyAdvert & cohort.v1.KeyAdvert.$Shape} KeyAdvert
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.KeyAdvert & cohort.v1.KeyAdvert.$Shape;

            /**
             * Verifies a KeyAdvert message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for KeyAdvert
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeyAdvert {

            /** Properties of a KeyAdvert. */
            interface $Properties {

                /** KeyAdvert agency */
                agency?: (string|null);

                /** KeyAdvert cPk */
                cPk?: (Uint8Array|null);

                /** KeyAdvert sPk */
                sPk?: (Uint8Array|null);

                /** KeyAdvert signature */
                signature?: (Uint8Array|null);

                /** KeyAdvert seedCommitment */
                seedCommitment?: (Uint8Array|null);

                /** KeyAdvert offerSha256 */
                offerSha256?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a KeyAdvert. */
            type $Shape = cohort.v1.KeyAdvert.$Properties;
        }

        /**
         * Properties of a KeyRoster.
         * @deprecated Use cohort.v1.KeyRoster.$Properties instead.
         */
        interface IKeyRoster extends cohort.v1.KeyRoster.$Properties {
        }

        /** Represents a KeyRoster. */
        class KeyRoster {

            /**
             * Constructs a new KeyRoster.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.KeyRoster.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** KeyRoster adverts. */
            adverts: cohort.v1.KeyAdvert.$Properties[];

            /**
             * Creates a new KeyRoster instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KeyRoster instance
             */
            static create(properties: cohort.v1.KeyRoster.$Shape): cohort.v1.KeyRoster & cohort.v1.KeyRoster.$Shape;
            static create(properties?: cohort.v1.KeyRoster.$Properties): cohort.v1.KeyRoster;

            /**
             * Encodes the specified KeyRoster message. Does not implicitly {@link cohort.v1.KeyRoster.verify|verify} messages.
             * @param m KeyRoster message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.KeyRoster.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KeyRoster message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.KeyRoster & cohort.v1.KeyRoster.$Shape} KeyRoster
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.KeyRoster & cohort.v1.KeyRoster.$Shape;

            /**
             * Verifies a KeyRoster message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for KeyRoster
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeyRoster {

            /** Properties of a KeyRoster. */
            interface $Properties {

                /** KeyRoster adverts */
                adverts?: (cohort.v1.KeyAdvert.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a KeyRoster. */
            type $Shape = cohort.v1.KeyRoster.$Properties;
        }

        /**
         * Properties of an EncryptedShare.
         * @deprecated Use cohort.v1.EncryptedShare.$Properties instead.
         */
        interface IEncryptedShare extends cohort.v1.EncryptedShare.$Properties {
        }

        /** Represents an EncryptedShare. */
        class EncryptedShare {

            /**
             * Constructs a new EncryptedShare.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.EncryptedShare.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EncryptedShare from. */
            from: string;

            /** EncryptedShare to. */
            to: string;

            /** EncryptedShare nonce. */
            nonce: Uint8Array;

            /** EncryptedShare ciphertext. */
            ciphertext: Uint8Array;

            /**
             * Creates a new EncryptedShare instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EncryptedShare instance
             */
            static create(properties: cohort.v1.EncryptedShare.$Shape): cohort.v1.EncryptedShare & cohort.v1.EncryptedShare.$Shape;
            static create(properties?: cohort.v1.EncryptedShare.$Properties): cohort.v1.EncryptedShare;

            /**
             * Encodes the specified EncryptedShare message. Does not implicitly {@link cohort.v1.EncryptedShare.verify|verify} messages.
             * @param m EncryptedShare message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.EncryptedShare.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EncryptedShare message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.EncryptedShare & cohort.v1.EncryptedShare.$Shape} EncryptedShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.EncryptedShare & cohort.v1.EncryptedShare.$Shape;

            /**
             * Verifies an EncryptedShare message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for EncryptedShare
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EncryptedShare {

            /** Properties of an EncryptedShare. */
            interface $Properties {

                /** EncryptedShare from */
                from?: (string|null);

                /** EncryptedShare to */
                to?: (string|null);

                /** EncryptedShare nonce */
                nonce?: (Uint8Array|null);

                /** EncryptedShare ciphertext */
                ciphertext?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EncryptedShare. */
            type $Shape = cohort.v1.EncryptedShare.$Properties;
        }

        /**
         * Properties of a ShareBundle.
         * @deprecated Use cohort.v1.ShareBundle.$Properties instead.
         */
        interface IShareBundle extends cohort.v1.ShareBundle.$Properties {
        }

        /** Represents a ShareBundle. */
        class ShareBundle {

            /**
             * Constructs a new ShareBundle.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ShareBundle.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShareBundle shares. */
            shares: cohort.v1.EncryptedShare.$Properties[];

            /**
             * Creates a new ShareBundle instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShareBundle instance
             */
            static create(properties: cohort.v1.ShareBundle.$Shape): cohort.v1.ShareBundle & cohort.v1.ShareBundle.$Shape;
            static create(properties?: cohort.v1.ShareBundle.$Properties): cohort.v1.ShareBundle;

            /**
             * Encodes the specified ShareBundle message. Does not implicitly {@link cohort.v1.ShareBundle.verify|verify} messages.
             * @param m ShareBundle message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ShareBundle.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShareBundle message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ShareBundle & cohort.v1.ShareBundle.$Shape} ShareBundle
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ShareBundle & cohort.v1.ShareBundle.$Shape;

            /**
             * Verifies a ShareBundle message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ShareBundle
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ShareBundle {

            /** Properties of a ShareBundle. */
            interface $Properties {

                /** ShareBundle shares */
                shares?: (cohort.v1.EncryptedShare.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShareBundle. */
            type $Shape = cohort.v1.ShareBundle.$Properties;
        }

        /**
         * Properties of a ShareDelivery.
         * @deprecated Use cohort.v1.ShareDelivery.$Properties instead.
         */
        interface IShareDelivery extends cohort.v1.ShareDelivery.$Properties {
        }

        /** Represents a ShareDelivery. */
        class ShareDelivery {

            /**
             * Constructs a new ShareDelivery.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ShareDelivery.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShareDelivery shares. */
            shares: cohort.v1.EncryptedShare.$Properties[];

            /**
             * Creates a new ShareDelivery instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShareDelivery instance
             */
            static create(properties: cohort.v1.ShareDelivery.$Shape): cohort.v1.ShareDelivery & cohort.v1.ShareDelivery.$Shape;
            static create(properties?: cohort.v1.ShareDelivery.$Properties): cohort.v1.ShareDelivery;

            /**
             * Encodes the specified ShareDelivery message. Does not implicitly {@link cohort.v1.ShareDelivery.verify|verify} messages.
             * @param m ShareDelivery message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ShareDelivery.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShareDelivery message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ShareDelivery & cohort.v1.ShareDelivery.$Shape} ShareDelivery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ShareDelivery & cohort.v1.ShareDelivery.$Shape;

            /**
             * Verifies a ShareDelivery message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ShareDelivery
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ShareDelivery {

            /** Properties of a ShareDelivery. */
            interface $Properties {

                /** ShareDelivery shares */
                shares?: (cohort.v1.EncryptedShare.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShareDelivery. */
            type $Shape = cohort.v1.ShareDelivery.$Properties;
        }

        /**
         * Properties of a MaskedInput.
         * @deprecated Use cohort.v1.MaskedInput.$Properties instead.
         */
        interface IMaskedInput extends cohort.v1.MaskedInput.$Properties {
        }

        /** Represents a MaskedInput. */
        class MaskedInput {

            /**
             * Constructs a new MaskedInput.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.MaskedInput.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MaskedInput vector. */
            vector: Uint8Array;

            /** MaskedInput commitment. */
            commitment: Uint8Array;

            /** MaskedInput recordSpend. */
            recordSpend?: (cohort.v1.RecordSpend.$Properties|null);

            /** MaskedInput agencyMetrics. */
            agencyMetrics?: (cohort.v1.AgencyMetrics.$Properties|null);

            /**
             * Creates a new MaskedInput instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MaskedInput instance
             */
            static create(properties: cohort.v1.MaskedInput.$Shape): cohort.v1.MaskedInput & cohort.v1.MaskedInput.$Shape;
            static create(properties?: cohort.v1.MaskedInput.$Properties): cohort.v1.MaskedInput;

            /**
             * Encodes the specified MaskedInput message. Does not implicitly {@link cohort.v1.MaskedInput.verify|verify} messages.
             * @param m MaskedInput message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.MaskedInput.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MaskedInput message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.MaskedInput & cohort.v1.MaskedInput.$Shape} MaskedInput
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.MaskedInput & cohort.v1.MaskedInput.$Shape;

            /**
             * Verifies a MaskedInput message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for MaskedInput
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MaskedInput {

            /** Properties of a MaskedInput. */
            interface $Properties {

                /** MaskedInput vector */
                vector?: (Uint8Array|null);

                /** MaskedInput commitment */
                commitment?: (Uint8Array|null);

                /** MaskedInput recordSpend */
                recordSpend?: (cohort.v1.RecordSpend.$Properties|null);

                /** MaskedInput agencyMetrics */
                agencyMetrics?: (cohort.v1.AgencyMetrics.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MaskedInput. */
            type $Shape = cohort.v1.MaskedInput.$Properties;
        }

        /**
         * Properties of a RecordSpend.
         * @deprecated Use cohort.v1.RecordSpend.$Properties instead.
         */
        interface IRecordSpend extends cohort.v1.RecordSpend.$Properties {
        }

        /** Represents a RecordSpend. */
        class RecordSpend {

            /**
             * Constructs a new RecordSpend.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.RecordSpend.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RecordSpend epsilon. */
            epsilon: string;

            /** RecordSpend budgetEpsilon. */
            budgetEpsilon: string;

            /** RecordSpend delta. */
            delta: string;

            /**
             * Creates a new RecordSpend instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RecordSpend instance
             */
            static create(properties: cohort.v1.RecordSpend.$Shape): cohort.v1.RecordSpend & cohort.v1.RecordSpend.$Shape;
            static create(properties?: cohort.v1.RecordSpend.$Properties): cohort.v1.RecordSpend;

            /**
             * Encodes the specified RecordSpend message. Does not implicitly {@link cohort.v1.RecordSpend.verify|verify} messages.
             * @param m RecordSpend message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.RecordSpend.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RecordSpend message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.RecordSpend & cohort.v1.RecordSpend.$Shape} RecordSpend
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.RecordSpend & cohort.v1.RecordSpend.$Shape;

            /**
             * Verifies a RecordSpend message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for RecordSpend
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RecordSpend {

            /** Properties of a RecordSpend. */
            interface $Properties {

                /** RecordSpend epsilon */
                epsilon?: (string|null);

                /** RecordSpend budgetEpsilon */
                budgetEpsilon?: (string|null);

                /** RecordSpend delta */
                delta?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RecordSpend. */
            type $Shape = cohort.v1.RecordSpend.$Properties;
        }

        /**
         * Properties of a ConsistencyRequest.
         * @deprecated Use cohort.v1.ConsistencyRequest.$Properties instead.
         */
        interface IConsistencyRequest extends cohort.v1.ConsistencyRequest.$Properties {
        }

        /** Represents a ConsistencyRequest. */
        class ConsistencyRequest {

            /**
             * Constructs a new ConsistencyRequest.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ConsistencyRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConsistencyRequest survivors. */
            survivors: string[];

            /**
             * Creates a new ConsistencyRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConsistencyRequest instance
             */
            static create(properties: cohort.v1.ConsistencyRequest.$Shape): cohort.v1.ConsistencyRequest & cohort.v1.ConsistencyRequest.$Shape;
            static create(properties?: cohort.v1.ConsistencyRequest.$Properties): cohort.v1.ConsistencyRequest;

            /**
             * Encodes the specified ConsistencyRequest message. Does not implicitly {@link cohort.v1.ConsistencyRequest.verify|verify} messages.
             * @param m ConsistencyRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ConsistencyRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConsistencyRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ConsistencyRequest & cohort.v1.ConsistencyRequest.$Shape} ConsistencyRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ConsistencyRequest & cohort.v1.ConsistencyRequest.$Shape;

            /**
             * Verifies a ConsistencyRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ConsistencyRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ConsistencyRequest {

            /** Properties of a ConsistencyRequest. */
            interface $Properties {

                /** ConsistencyRequest survivors */
                survivors?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConsistencyRequest. */
            type $Shape = cohort.v1.ConsistencyRequest.$Properties;
        }

        /**
         * Properties of a ConsistencySignature.
         * @deprecated Use cohort.v1.ConsistencySignature.$Properties instead.
         */
        interface IConsistencySignature extends cohort.v1.ConsistencySignature.$Properties {
        }

        /** Represents a ConsistencySignature. */
        class ConsistencySignature {

            /**
             * Constructs a new ConsistencySignature.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.ConsistencySignature.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ConsistencySignature agency. */
            agency: string;

            /** ConsistencySignature offerSha256. */
            offerSha256: Uint8Array;

            /** ConsistencySignature graphSeed. */
            graphSeed: Uint8Array;

            /** ConsistencySignature signature. */
            signature: Uint8Array;

            /**
             * Creates a new ConsistencySignature instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ConsistencySignature instance
             */
            static create(properties: cohort.v1.ConsistencySignature.$Shape): cohort.v1.ConsistencySignature & cohort.v1.ConsistencySignature.$Shape;
            static create(properties?: cohort.v1.ConsistencySignature.$Properties): cohort.v1.ConsistencySignature;

            /**
             * Encodes the specified ConsistencySignature message. Does not implicitly {@link cohort.v1.ConsistencySignature.verify|verify} messages.
             * @param m ConsistencySignature message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.ConsistencySignature.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ConsistencySignature message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.ConsistencySignature & cohort.v1.ConsistencySignature.$Shape} ConsistencySignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.ConsistencySignature & cohort.v1.ConsistencySignature.$Shape;

            /**
             * Verifies a ConsistencySignature message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for ConsistencySignature
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ConsistencySignature {

            /** Properties of a ConsistencySignature. */
            interface $Properties {

                /** ConsistencySignature agency */
                agency?: (string|null);

                /** ConsistencySignature offerSha256 */
                offerSha256?: (Uint8Array|null);

                /** ConsistencySignature graphSeed */
                graphSeed?: (Uint8Array|null);

                /** ConsistencySignature signature */
                signature?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ConsistencySignature. */
            type $Shape = cohort.v1.ConsistencySignature.$Properties;
        }

        /**
         * Properties of an UnmaskRequest.
         * @deprecated Use cohort.v1.UnmaskRequest.$Properties instead.
         */
        interface IUnmaskRequest extends cohort.v1.UnmaskRequest.$Properties {
        }

        /** Represents an UnmaskRequest. */
        class UnmaskRequest {

            /**
             * Constructs a new UnmaskRequest.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.UnmaskRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UnmaskRequest survivors. */
            survivors: string[];

            /** UnmaskRequest signatures. */
            signatures: cohort.v1.ConsistencySignature.$Properties[];

            /**
             * Creates a new UnmaskRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UnmaskRequest instance
             */
            static create(properties: cohort.v1.UnmaskRequest.$Shape): cohort.v1.UnmaskRequest & cohort.v1.UnmaskRequest.$Shape;
            static create(properties?: cohort.v1.UnmaskRequest.$Properties): cohort.v1.UnmaskRequest;

            /**
             * Encodes the specified UnmaskRequest message. Does not implicitly {@link cohort.v1.UnmaskRequest.verify|verify} messages.
             * @param m UnmaskRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.UnmaskRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UnmaskRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.UnmaskRequest & cohort.v1.UnmaskRequest.$Shape} UnmaskRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.UnmaskRequest & cohort.v1.UnmaskRequest.$Shape;

            /**
             * Verifies an UnmaskRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for UnmaskRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace UnmaskRequest {

            /** Properties of an UnmaskRequest. */
            interface $Properties {

                /** UnmaskRequest survivors */
                survivors?: (string[]|null);

                /** UnmaskRequest signatures */
                signatures?: (cohort.v1.ConsistencySignature.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an UnmaskRequest. */
            type $Shape = cohort.v1.UnmaskRequest.$Properties;
        }

        /**
         * Properties of a RevealedShare.
         * @deprecated Use cohort.v1.RevealedShare.$Properties instead.
         */
        interface IRevealedShare extends cohort.v1.RevealedShare.$Properties {
        }

        /** Represents a RevealedShare. */
        class RevealedShare {

            /**
             * Constructs a new RevealedShare.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.RevealedShare.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RevealedShare owner. */
            owner: string;

            /** RevealedShare kind. */
            kind: string;

            /** RevealedShare share. */
            share: Uint8Array;

            /**
             * Creates a new RevealedShare instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RevealedShare instance
             */
            static create(properties: cohort.v1.RevealedShare.$Shape): cohort.v1.RevealedShare & cohort.v1.RevealedShare.$Shape;
            static create(properties?: cohort.v1.RevealedShare.$Properties): cohort.v1.RevealedShare;

            /**
             * Encodes the specified RevealedShare message. Does not implicitly {@link cohort.v1.RevealedShare.verify|verify} messages.
             * @param m RevealedShare message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.RevealedShare.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RevealedShare message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.RevealedShare & cohort.v1.RevealedShare.$Shape} RevealedShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.RevealedShare & cohort.v1.RevealedShare.$Shape;

            /**
             * Verifies a RevealedShare message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for RevealedShare
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RevealedShare {

            /** Properties of a RevealedShare. */
            interface $Properties {

                /** RevealedShare owner */
                owner?: (string|null);

                /** RevealedShare kind */
                kind?: (string|null);

                /** RevealedShare share */
                share?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RevealedShare. */
            type $Shape = cohort.v1.RevealedShare.$Properties;
        }

        /**
         * Properties of an UnmaskResponse.
         * @deprecated Use cohort.v1.UnmaskResponse.$Properties instead.
         */
        interface IUnmaskResponse extends cohort.v1.UnmaskResponse.$Properties {
        }

        /** Represents an UnmaskResponse. */
        class UnmaskResponse {

            /**
             * Constructs a new UnmaskResponse.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.UnmaskResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UnmaskResponse shares. */
            shares: cohort.v1.RevealedShare.$Properties[];

            /**
             * Creates a new UnmaskResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UnmaskResponse instance
             */
            static create(properties: cohort.v1.UnmaskResponse.$Shape): cohort.v1.UnmaskResponse & cohort.v1.UnmaskResponse.$Shape;
            static create(properties?: cohort.v1.UnmaskResponse.$Properties): cohort.v1.UnmaskResponse;

            /**
             * Encodes the specified UnmaskResponse message. Does not implicitly {@link cohort.v1.UnmaskResponse.verify|verify} messages.
             * @param m UnmaskResponse message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.UnmaskResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UnmaskResponse message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.UnmaskResponse & cohort.v1.UnmaskResponse.$Shape} UnmaskResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.UnmaskResponse & cohort.v1.UnmaskResponse.$Shape;

            /**
             * Verifies an UnmaskResponse message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for UnmaskResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace UnmaskResponse {

            /** Properties of an UnmaskResponse. */
            interface $Properties {

                /** UnmaskResponse shares */
                shares?: (cohort.v1.RevealedShare.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an UnmaskResponse. */
            type $Shape = cohort.v1.UnmaskResponse.$Properties;
        }

        /**
         * Properties of a MetricTotals.
         * @deprecated Use cohort.v1.MetricTotals.$Properties instead.
         */
        interface IMetricTotals extends cohort.v1.MetricTotals.$Properties {
        }

        /** Represents a MetricTotals. */
        class MetricTotals {

            /**
             * Constructs a new MetricTotals.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.MetricTotals.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MetricTotals examples. */
            examples: number;

            /** MetricTotals lossSum. */
            lossSum: number;

            /** MetricTotals confusion. */
            confusion: number[];

            /** MetricTotals scoreHistogram. */
            scoreHistogram: number[];

            /** MetricTotals squaredErrorSum. */
            squaredErrorSum: number;

            /** MetricTotals absoluteErrorSum. */
            absoluteErrorSum: number;

            /**
             * Creates a new MetricTotals instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MetricTotals instance
             */
            static create(properties: cohort.v1.MetricTotals.$Shape): cohort.v1.MetricTotals & cohort.v1.MetricTotals.$Shape;
            static create(properties?: cohort.v1.MetricTotals.$Properties): cohort.v1.MetricTotals;

            /**
             * Encodes the specified MetricTotals message. Does not implicitly {@link cohort.v1.MetricTotals.verify|verify} messages.
             * @param m MetricTotals message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.MetricTotals.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MetricTotals message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.MetricTotals & cohort.v1.MetricTotals.$Shape} MetricTotals
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.MetricTotals & cohort.v1.MetricTotals.$Shape;

            /**
             * Verifies a MetricTotals message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for MetricTotals
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MetricTotals {

            /** Properties of a MetricTotals. */
            interface $Properties {

                /** MetricTotals examples */
                examples?: (number|null);

                /** MetricTotals lossSum */
                lossSum?: (number|null);

                /** MetricTotals confusion */
                confusion?: (number[]|null);

                /** MetricTotals scoreHistogram */
                scoreHistogram?: (number[]|null);

                /** MetricTotals squaredErrorSum */
                squaredErrorSum?: (number|null);

                /** MetricTotals absoluteErrorSum */
                absoluteErrorSum?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MetricTotals. */
            type $Shape = cohort.v1.MetricTotals.$Properties;
        }

        /**
         * Properties of an AgencyMetrics.
         * @deprecated Use cohort.v1.AgencyMetrics.$Properties instead.
         */
        interface IAgencyMetrics extends cohort.v1.AgencyMetrics.$Properties {
        }

        /** Represents an AgencyMetrics. */
        class AgencyMetrics {

            /**
             * Constructs a new AgencyMetrics.
             * @param [p] Properties to set
             */
            constructor(p?: cohort.v1.AgencyMetrics.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgencyMetrics trainExamples. */
            trainExamples: number;

            /** AgencyMetrics trainLossSum. */
            trainLossSum: number;

            /** AgencyMetrics validation. */
            validation?: (cohort.v1.MetricTotals.$Properties|null);

            /**
             * Creates a new AgencyMetrics instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgencyMetrics instance
             */
            static create(properties: cohort.v1.AgencyMetrics.$Shape): cohort.v1.AgencyMetrics & cohort.v1.AgencyMetrics.$Shape;
            static create(properties?: cohort.v1.AgencyMetrics.$Properties): cohort.v1.AgencyMetrics;

            /**
             * Encodes the specified AgencyMetrics message. Does not implicitly {@link cohort.v1.AgencyMetrics.verify|verify} messages.
             * @param m AgencyMetrics message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: cohort.v1.AgencyMetrics.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgencyMetrics message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {cohort.v1.AgencyMetrics & cohort.v1.AgencyMetrics.$Shape} AgencyMetrics
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cohort.v1.AgencyMetrics & cohort.v1.AgencyMetrics.$Shape;

            /**
             * Verifies an AgencyMetrics message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Gets the type url for AgencyMetrics
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AgencyMetrics {

            /** Properties of an AgencyMetrics. */
            interface $Properties {

                /** AgencyMetrics trainExamples */
                trainExamples?: (number|null);

                /** AgencyMetrics trainLossSum */
                trainLossSum?: (number|null);

                /** AgencyMetrics validation */
                validation?: (cohort.v1.MetricTotals.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AgencyMetrics. */
            type $Shape = cohort.v1.AgencyMetrics.$Properties;
        }
    }
}
