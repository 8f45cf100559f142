// An imported document (a plan or a best-practice table) that cannot be imported; the message, in
// Russian, says where (the line) and why.
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Строка ${line}: ${message}`);
    this.name = new.target.name;
  }
}
