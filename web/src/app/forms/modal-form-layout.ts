/** The label/field split every modal form in the console uses, spread onto antd's `<Form>`. */
export const MODAL_FORM_LAYOUT = {
  layout: 'horizontal',
  labelCol: { span: 6 },
  wrapperCol: { span: 18 },
  preserve: false,
} as const;
