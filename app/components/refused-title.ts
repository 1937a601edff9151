/** The heading of a page that refused a request, by status. */
export function refusedTitle(status: number): string {
  switch (status) {
    case 400:
      return 'This request could not be read'
    case 409:
      return 'This brief is full'
    case 413:
      return 'Too much to send'
    case 415:
      return 'This is not a form'
    case 422:
      return 'Something typed cannot be kept'
    default:
      return 'This request was refused'
  }
}
