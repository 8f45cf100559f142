// The baseline of npm run bench: a graphql-yoga hello-world (the same graphql-yoga as the product)
// on plain node:http, answering `{ __typename }` and a trivial mutation that takes the same input
// as saveSection and returns a version. PORT and HOST from the environment.
import { createServer } from 'node:http';
import { GraphQLScalarType } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';

const JSONScalar = new GraphQLScalarType({ name: 'JSON', serialize: (value) => value, parseValue: (value) => value });
const yoga = createYoga({
  schema: createSchema({
    typeDefs: `
      scalar JSON
      input SaveSectionInput { answers: JSON!, campaignCode: String!, sectionCode: String!, version: Int! }
      type Saved { version: Int! }
      type Query { hello: String! }
      type Mutation { saveSection(input: SaveSectionInput!): Saved! }`,
    resolvers: {
      JSON: JSONScalar,
      Query: { hello: () => 'world' },
      Mutation: { saveSection: (_, { input }) => ({ version: input.version + 1 }) },
    },
  }),
  logging: false,
});
createServer(yoga).listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
